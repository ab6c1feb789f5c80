package io.depotops.incidents.domain.incident;

/** pending -> open -> acknowledged -> resolved; pending, open and acknowledged are active. */
public enum IncidentStatus {
    PENDING,
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean active() {
        return this != RESOLVED;
    }
}
