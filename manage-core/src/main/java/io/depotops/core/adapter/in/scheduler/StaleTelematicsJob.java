package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.StaleTelematicsService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Looks for vehicles gone silent; safe with several core instances (rows are claimed). */
@ApplicationScoped
class StaleTelematicsJob {

    private final StaleTelematicsService stale;

    StaleTelematicsJob(StaleTelematicsService stale) {
        this.stale = stale;
    }

    @Scheduled(
            every = "${depotops.telematics.stale-check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        while (stale.announce(Instant.now()) > 0) {
            // a full batch: more may be waiting
        }
    }
}
