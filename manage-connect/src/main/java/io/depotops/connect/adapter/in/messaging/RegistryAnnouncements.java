package io.depotops.connect.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.connect.application.registry.ChargerRegistry;
import io.depotops.connect.application.registry.CoreUnavailableException;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.registry.RegistryChangedV1;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Core's {@code core.registry.changed.v1}, watched by every connect instance: each pulls what its
 * copy has not applied (ADR 0010). A lost announcement costs only time: the periodic pull catches
 * up.
 */
@ApplicationScoped
class RegistryAnnouncements {

    private static final Logger LOG = Logger.getLogger(RegistryAnnouncements.class);

    private final EventSubscriptions subscriptions;
    private final ChargerRegistry registry;
    private final ObjectMapper json;

    RegistryAnnouncements(EventSubscriptions subscriptions, ChargerRegistry registry, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.watch("registry", List.of(EventTypes.CORE_REGISTRY_CHANGED_V1), this::announced);
    }

    private void announced(CloudEvent event) {
        try {
            registry.announced(json.readValue(event.getData().toBytes(), RegistryChangedV1.class)
                    .seq());
        } catch (IOException e) {
            LOG.debugf("ignored an unreadable registry announcement: %s", e.getMessage());
        } catch (CoreUnavailableException e) {
            LOG.infof(
                    "core announced a registry change but could not be read: %s (the next pull catches up)",
                    e.getMessage());
        }
    }
}
