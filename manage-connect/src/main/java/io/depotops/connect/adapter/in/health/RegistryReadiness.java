package io.depotops.connect.adapter.in.health;

import io.depotops.connect.application.registry.ChargerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once connect can admit chargers by itself: it read core's registry feed once, or it has a
 * stored copy (a restart while core is away). A connect that has neither would refuse everyone.
 */
@Readiness
@ApplicationScoped
class RegistryReadiness implements HealthCheck {

    private static final String NAME = "registry copy";

    private final ChargerRegistry registry;

    RegistryReadiness(ChargerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(registry.usable())
                .withData("appliedSeq", registry.appliedSeq())
                .build();
    }
}
