package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.TelematicsPollService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each tick, polls the workspaces whose poll is due. Safe with several core instances: each due
 * workspace is claimed in PostgreSQL by exactly one of them per cycle.
 */
@ApplicationScoped
class TelematicsPollJob {

    private final TelematicsPollService polling;
    private final boolean enabled;
    private final String instanceId;
    private final Clock clock;

    TelematicsPollJob(
            TelematicsPollService polling,
            @ConfigProperty(name = "depotops.telematics.poll.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "depotops.core.instance-id") Optional<String> instanceId,
            Clock clock) {
        this.polling = polling;
        this.clock = clock;
        this.enabled = enabled;
        this.instanceId =
                instanceId.orElseGet(() -> System.getenv().getOrDefault("HOSTNAME", "core") + "-" + UUID.randomUUID());
    }

    @Scheduled(every = "${depotops.telematics.poll.tick:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (enabled) {
            polling.pollDue(instanceId, clock.instant());
        }
    }
}
