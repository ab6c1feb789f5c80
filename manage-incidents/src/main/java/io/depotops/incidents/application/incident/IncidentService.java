package io.depotops.incidents.application.incident;

import io.depotops.incidents.application.ConflictException;
import io.depotops.incidents.application.NotFoundException;
import io.depotops.incidents.application.notification.Notifications;
import io.depotops.incidents.application.port.IncidentEvents;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.application.port.IncidentRepository.Filter;
import io.depotops.incidents.domain.Page;
import io.depotops.incidents.domain.incident.IllegalTransitionException;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentEventLink;
import io.depotops.incidents.domain.incident.Note;
import io.depotops.incidents.domain.incident.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** What people do with incidents: list, read, acknowledge, resolve, annotate. */
@ApplicationScoped
public class IncidentService {

    /** An incident with its timeline, notes and the events that raised, updated or resolved it. */
    public record IncidentDetail(
            Incident incident, List<Transition> timeline, List<Note> notes, List<IncidentEventLink> events) {}

    private final IncidentRepository incidents;
    private final IncidentEvents events;
    private final Clock clock;
    private final Notifications notifications;

    IncidentService(IncidentRepository incidents, IncidentEvents events, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Page<Incident> list(UUID workspaceId, Filter filter) {
        return incidents.list(workspaceId, filter);
    }

    @Transactional
    public IncidentDetail get(UUID workspaceId, UUID id) {
        Incident incident = incidents.find(workspaceId, id).orElseThrow(() -> new NotFoundException("incident", id));
        return detail(incident);
    }

    @Transactional
    public IncidentDetail acknowledge(UUID workspaceId, UUID id, String by, String reason) {
        Incident incident = locked(workspaceId, id);
        Incident.Step step;
        try {
            step = incident.acknowledge(by, reason, clock.instant());
        } catch (IllegalTransitionException e) {
            throw new ConflictException("status", e.getMessage());
        }
        incidents.update(step.incident());
        incidents.recordTransition(id, step.transition());
        events.acknowledged(step.incident(), step.transition());
        return detail(step.incident());
    }

    @Transactional
    public IncidentDetail resolve(UUID workspaceId, UUID id, String by, String reason) {
        Incident incident = locked(workspaceId, id);
        Incident.Step step;
        try {
            step = incident.resolve(by, reason, clock.instant());
        } catch (IllegalTransitionException e) {
            throw new ConflictException("status", e.getMessage());
        }
        incidents.update(step.incident());
        incidents.recordTransition(id, step.transition());
        events.resolved(step.incident(), step.transition());
        notifications.resolved(step.incident());
        return detail(step.incident());
    }

    @Transactional
    public Note addNote(UUID workspaceId, UUID id, String author, String text) {
        locked(workspaceId, id);
        Note note = new Note(UUID.randomUUID(), id, author, text, clock.instant());
        incidents.addNote(note);
        return note;
    }

    private Incident locked(UUID workspaceId, UUID id) {
        return incidents.findForUpdate(workspaceId, id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    private IncidentDetail detail(Incident incident) {
        return new IncidentDetail(
                incident,
                incidents.transitions(incident.id()),
                incidents.notes(incident.id()),
                incidents.events(incident.id()));
    }
}
