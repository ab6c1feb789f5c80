package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.Transition;

/** Publishes what happens to incidents, in the caller's transaction (the outbox). */
public interface IncidentEvents {

    void opened(Incident incident, Transition transition);

    void acknowledged(Incident incident, Transition transition);

    void resolved(Incident incident, Transition transition);
}
