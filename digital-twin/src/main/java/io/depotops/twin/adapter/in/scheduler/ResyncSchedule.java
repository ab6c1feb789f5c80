package io.depotops.twin.adapter.in.scheduler;

import io.depotops.twin.application.TwinService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Resyncs every depot with core on a schedule: the net under what events cannot tell the twin
 * (a depot, charger or vehicle added, an event lost while the twin was away, a new departure).
 */
@ApplicationScoped
class ResyncSchedule {

    private static final Logger LOG = Logger.getLogger(ResyncSchedule.class);

    private final TwinService twin;

    ResyncSchedule(TwinService twin) {
        this.twin = twin;
    }

    @Scheduled(
            every = "${depotops.twin.resync-interval:5m}",
            delayed = "${depotops.twin.resync-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resync() {
        try {
            twin.resyncAll();
        } catch (RuntimeException e) {
            LOG.warnf("resync with core failed (%s); the live model carries on from events", e.getMessage());
        }
    }
}
