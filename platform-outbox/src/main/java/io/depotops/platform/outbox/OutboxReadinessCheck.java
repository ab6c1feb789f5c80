package io.depotops.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox's lag in the readiness output and stays UP: a lagging relay is a reason to
 * look, not to stop sending the service traffic (that would only make the backlog grow elsewhere).
 * The database and the broker have readiness checks of their own.
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxReadinessCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Outbox relay").up();
        if (!relay.enabled()) {
            return response.withData("relaying", "disabled").build();
        }
        OutboxRelay.Observation seen = relay.observation();
        if (!seen.relaying()) {
            return response.withData("relaying", "another instance (or not yet)")
                    .build();
        }
        response.withData("relaying", "this instance")
                .withData("pending", seen.pending())
                .withData(
                        "lagSeconds",
                        BigDecimal.valueOf(relay.lagSeconds())
                                .setScale(1, RoundingMode.HALF_UP)
                                .toPlainString());
        if (seen.failure() != null) {
            response.withData("lastPassFailed", seen.failure());
        }
        return response.build();
    }
}
