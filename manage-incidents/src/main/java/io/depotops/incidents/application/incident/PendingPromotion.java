package io.depotops.incidents.application.incident;

import io.depotops.incidents.application.notification.Notifications;
import io.depotops.incidents.application.port.IncidentEvents;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.domain.incident.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Opens pending incidents whose pending time ran out. A pending incident still exists only while
 * its condition holds: a resolving event during the pending time removed it.
 */
@ApplicationScoped
public class PendingPromotion {

    static final int BATCH = 200;

    private final IncidentRepository incidents;
    private final IncidentEvents events;
    private final Clock clock;
    private final Suppressions suppressions;
    private final Notifications notifications;

    PendingPromotion(
            IncidentRepository incidents,
            IncidentEvents events,
            Clock clock,
            Suppressions suppressions,
            Notifications notifications) {
        this.suppressions = suppressions;
        this.notifications = notifications;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** Opens up to one batch of due incidents; returns how many it opened. */
    @Transactional
    public int promoteDue() {
        Instant now = clock.instant();
        List<Incident> due = incidents.duePendingForUpdate(now, BATCH);
        for (Incident pending : due) {
            Incident.Step step = pending.open(now);
            Incident opened = suppressions.decide(step.incident(), now);
            incidents.update(opened);
            incidents.recordTransition(pending.id(), step.transition());
            events.opened(opened, step.transition());
            suppressions.inhibitOthers(opened);
            notifications.opened(opened);
        }
        return due.size();
    }
}
