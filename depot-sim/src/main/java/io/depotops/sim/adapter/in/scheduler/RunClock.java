package io.depotops.sim.adapter.in.scheduler;

import io.depotops.sim.application.run.RunService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Moves running simulations on with real time; at startup, closes the runs a previous process left. */
@ApplicationScoped
class RunClock {

    private static final Logger LOG = Logger.getLogger(RunClock.class);

    private final RunService runs;
    private final Clock clock;

    RunClock(RunService runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        int interrupted = runs.interruptLeftovers();
        if (interrupted > 0) {
            LOG.infof("%d runs of a previous process marked INTERRUPTED", interrupted);
        }
    }

    @Scheduled(every = "${depotops.sim.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runs.tick(clock.instant());
    }
}
