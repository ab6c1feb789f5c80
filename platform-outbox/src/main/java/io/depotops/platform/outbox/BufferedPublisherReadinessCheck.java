package io.depotops.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports what the buffered publisher holds, how old the oldest unconfirmed message is and how many
 * producers wait for room, and stays UP: a full buffer slows its producers down (backpressure); taking
 * the service out of traffic would not make the broker faster.
 */
@Readiness
@ApplicationScoped
public class BufferedPublisherReadinessCheck implements HealthCheck {

    private final BufferedPublisher publisher;

    BufferedPublisherReadinessCheck(BufferedPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Buffered publisher")
                .up()
                .withData("queued", publisher.queued())
                .withData("heldBytes", publisher.heldBytes())
                .withData("waitingProducers", publisher.waiting())
                .withData(
                        "lagSeconds",
                        BigDecimal.valueOf(publisher.lagSeconds())
                                .setScale(1, RoundingMode.HALF_UP)
                                .toPlainString())
                .build();
    }
}
