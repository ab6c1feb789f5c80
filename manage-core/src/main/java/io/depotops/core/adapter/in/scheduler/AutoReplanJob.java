package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.plan.AutomaticReplanner;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Re-plans the depots whose plan inputs changed (issue 10), on the scheduler's own thread. */
@ApplicationScoped
class AutoReplanJob {

    private final AutomaticReplanner replanner;
    private final Clock clock;

    AutoReplanJob(AutomaticReplanner replanner, Clock clock) {
        this.replanner = replanner;
        this.clock = clock;
    }

    @Scheduled(
            every = "${depotops.plan.auto-replan.check-interval:15s}",
            skipExecutionIf = Disabled.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replan() {
        replanner.check(clock.instant());
    }

    /** {@code depotops.plan.auto-replan.enabled=false} turns automatic re-planning off. */
    @ApplicationScoped
    static class Disabled implements Scheduled.SkipPredicate {

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("depotops.plan.auto-replan.enabled", Boolean.class)
                    .orElse(true);
        }
    }
}
