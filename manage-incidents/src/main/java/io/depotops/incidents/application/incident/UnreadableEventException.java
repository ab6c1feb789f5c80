package io.depotops.incidents.application.incident;

/** An event no rule can read: it belongs to no workspace that can be told. Retrying will not help. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
