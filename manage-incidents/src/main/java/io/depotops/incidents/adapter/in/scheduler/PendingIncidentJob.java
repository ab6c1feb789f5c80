package io.depotops.incidents.adapter.in.scheduler;

import io.depotops.incidents.application.incident.PendingPromotion;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Opens pending incidents whose pending time ran out, every {@code depotops.incidents.pending-check}. */
@ApplicationScoped
class PendingIncidentJob {

    private static final Logger LOG = Logger.getLogger(PendingIncidentJob.class);

    private final PendingPromotion promotion;

    PendingIncidentJob(PendingPromotion promotion) {
        this.promotion = promotion;
    }

    @Scheduled(
            every = "${depotops.incidents.pending-check:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void promote() {
        try {
            // Several instances split the due incidents between them (rows are locked, others skipped).
            while (promotion.promoteDue() > 0) {
                // more may be due
            }
        } catch (RuntimeException e) {
            LOG.debugf("pending incidents not promoted this time: %s", e.getMessage());
        }
    }
}
