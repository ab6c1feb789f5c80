package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.StaleTelematicsService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Looks for vehicles gone silent; safe with several core instances (rows are claimed). */
@ApplicationScoped
class StaleTelematicsJob {

    private final StaleTelematicsService stale;
    private final Clock clock;

    StaleTelematicsJob(StaleTelematicsService stale, Clock clock) {
        this.stale = stale;
        this.clock = clock;
    }

    @Scheduled(
            every = "${depotops.telematics.stale-check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        while (stale.announce(clock.instant()) > 0) {
            // a full batch: more may be waiting
        }
    }
}
