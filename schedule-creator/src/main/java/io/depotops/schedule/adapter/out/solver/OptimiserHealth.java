package io.depotops.schedule.adapter.out.solver;

import io.depotops.schedule.application.port.Optimiser;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: up either way (the heuristic still answers), but says whether the optimiser runs; a
 * probe or dashboard reads {@code optimiser: degraded}.
 */
@Readiness
@ApplicationScoped
public class OptimiserHealth implements HealthCheck {

    private final Optimiser optimiser;

    OptimiserHealth(Optimiser optimiser) {
        this.optimiser = optimiser;
    }

    @Override
    public HealthCheckResponse call() {
        boolean available = optimiser.available();
        return HealthCheckResponse.named("optimiser")
                .up()
                .withData("optimiser", available ? "available" : "degraded")
                .withData("fallback", "least laxity first")
                .build();
    }
}
