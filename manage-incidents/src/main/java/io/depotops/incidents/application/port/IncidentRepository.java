package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.Page;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentEventLink;
import io.depotops.incidents.domain.incident.IncidentStatus;
import io.depotops.incidents.domain.incident.Note;
import io.depotops.incidents.domain.incident.Transition;
import io.depotops.incidents.domain.rule.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Incidents with their timeline, notes and events. Every method runs in the caller's transaction. */
public interface IncidentRepository {

    /** The active incident of a rule and key, locked for the caller's transaction. */
    Optional<Incident> findActiveForUpdate(UUID workspaceId, UUID ruleId, String dedupKey);

    /**
     * Stores a new incident unless the rule already has an active one for the key (the database's
     * unique index decides, so concurrent consumers and redeliveries never make two); {@code false}
     * when one exists.
     */
    boolean insertIfNoneActive(Incident incident);

    /** Writes the incident's new state. */
    void update(Incident incident);

    /** Removes a pending incident that never opened, with its timeline and events. */
    void delete(UUID incidentId);

    void recordTransition(UUID incidentId, Transition transition);

    void linkEvent(UUID incidentId, IncidentEventLink link);

    void addNote(Note note);

    /** The open and acknowledged incidents of the workspace (the candidates for inhibition and silences). */
    List<Incident> activeOpen(UUID workspaceId);

    /** Pending incidents due at {@code now}, locked (others skip them), oldest first. */
    List<Incident> duePendingForUpdate(Instant now, int limit);

    Optional<Incident> find(UUID workspaceId, UUID id);

    Optional<Incident> findForUpdate(UUID workspaceId, UUID id);

    Page<Incident> list(UUID workspaceId, Filter filter);

    List<Transition> transitions(UUID incidentId);

    List<Note> notes(UUID incidentId);

    List<IncidentEventLink> events(UUID incidentId);

    /** A list request: any of the statuses and severities (empty = all), newest first, cursor pages. */
    record Filter(List<IncidentStatus> statuses, List<Severity> severities, String subject, String cursor, int limit) {}
}
