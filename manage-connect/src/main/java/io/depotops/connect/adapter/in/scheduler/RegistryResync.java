package io.depotops.connect.adapter.in.scheduler;

import io.depotops.connect.application.registry.ChargerRegistry;
import io.depotops.connect.application.registry.CoreUnavailableException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps connect's registry copy current without announcements: loaded from connect's database at
 * start (so a restart admits chargers while core is away), then pulled from core's feed at once
 * and every {@code depotops.connect.registry.resync-interval} (a missed announcement is caught so).
 */
@ApplicationScoped
class RegistryResync {

    private static final Logger LOG = Logger.getLogger(RegistryResync.class);

    private final ChargerRegistry registry;

    RegistryResync(ChargerRegistry registry) {
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        registry.load();
        Thread.ofVirtual().name("registry-first-sync").start(this::resync);
    }

    @Scheduled(
            every = "${depotops.connect.registry.resync-interval}",
            delayed = "${depotops.connect.registry.resync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resync() {
        try {
            registry.sync();
        } catch (CoreUnavailableException e) {
            LOG.infof(
                    "core's registry feed could not be read: %s (admitting from the copy complete up to change %d)",
                    e.getMessage(), registry.appliedSeq());
        } catch (RuntimeException e) {
            LOG.warnf(e, "registry resync failed");
        }
    }
}
