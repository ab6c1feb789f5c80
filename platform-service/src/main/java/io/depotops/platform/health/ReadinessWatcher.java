package io.depotops.platform.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Evaluates readiness on a fixed interval and logs each dependency's state when it changes, with
 * its cause, so that an outage shows once in the logs instead of once per probe (or not at all).
 * Recovery is the dependencies' own (pools and clients reconnect); this only reports it.
 */
@ApplicationScoped
public class ReadinessWatcher {

    private static final Logger LOG = Logger.getLogger(ReadinessWatcher.class);

    private final SmallRyeHealthReporter reporter;
    private final Duration interval;
    private final Map<String, String> lastStatusByCheck = new HashMap<>();
    private ScheduledExecutorService executor;

    ReadinessWatcher(
            SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "depotops.health.watch-interval", defaultValue = "5s") Duration interval) {
        this.reporter = reporter;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("readiness-watcher").daemon().factory());
        executor.scheduleWithFixedDelay(
                this::evaluate, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Returns the current status per check and logs those that changed since the last call. */
    synchronized Map<String, String> evaluate() {
        try {
            JsonObject payload = reporter.getReadiness().getPayload();
            Map<String, String> current = new HashMap<>();
            for (JsonValue value : payload.getJsonArray("checks")) {
                JsonObject check = value.asJsonObject();
                String name = check.getString("name");
                String status = check.getString("status");
                current.put(name, status);
                String previous = lastStatusByCheck.put(name, status);
                if (!status.equals(previous)) {
                    logChange(name, previous, status, check.get("data"));
                }
            }
            return current;
        } catch (RuntimeException e) {
            LOG.warnf(e, "readiness could not be evaluated");
            return Map.of();
        }
    }

    private static void logChange(String check, String previous, String status, JsonValue data) {
        String cause = data == null ? "" : " " + data;
        if ("UP".equals(status)) {
            if (previous != null) {
                LOG.infof("dependency '%s' is ready again", check);
            }
        } else {
            LOG.warnf("dependency '%s' is not ready (%s)%s", check, status, cause);
        }
    }
}
