package io.depotops.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker connection is open. */
@Readiness
@ApplicationScoped
public class RabbitMqReadinessCheck implements HealthCheck {

    private final RabbitMqConnection connection;

    RabbitMqReadinessCheck(RabbitMqConnection connection) {
        this.connection = connection;
    }

    @Override
    public HealthCheckResponse call() {
        if (connection.isOpen()) {
            return HealthCheckResponse.up("RabbitMQ connection");
        }
        return HealthCheckResponse.named("RabbitMQ connection")
                .down()
                .withData("reason", connection.lastFailure())
                .build();
    }
}
