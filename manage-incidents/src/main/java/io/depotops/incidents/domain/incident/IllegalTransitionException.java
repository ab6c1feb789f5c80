package io.depotops.incidents.domain.incident;

/** A person asked for a step the incident's status does not allow (e.g. acknowledge a resolved one). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(IncidentStatus from, IncidentStatus to) {
        super("an incident that is " + from.name().toLowerCase(java.util.Locale.ROOT) + " cannot become "
                + to.name().toLowerCase(java.util.Locale.ROOT));
    }
}
