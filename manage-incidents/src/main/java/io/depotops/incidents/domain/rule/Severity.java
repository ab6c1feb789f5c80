package io.depotops.incidents.domain.rule;

/** How bad an incident is, most urgent first. */
public enum Severity {
    CRITICAL,
    MAJOR,
    MINOR,
    WARNING,
    INFO
}
