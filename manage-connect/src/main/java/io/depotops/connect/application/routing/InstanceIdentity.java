package io.depotops.connect.application.routing;

import io.depotops.connect.application.ConnectSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * This connect instance's id ({@code depotops.connect.instance-id}, else a random UUID per start):
 * names its command queue and its holder records.
 */
@ApplicationScoped
public class InstanceIdentity {

    private final String id;

    public InstanceIdentity(ConnectSettings settings) {
        this.id = settings.instanceId()
                .filter(value -> !value.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    public String id() {
        return id;
    }
}
