package io.depotops.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the broker is: {@code depotops.rabbitmq.*}, or {@code DEPOTOPS_RABBITMQ_*} variables. */
@ConfigMapping(prefix = "depotops.rabbitmq")
public interface RabbitMqSettings {

    String host();

    int port();

    String username();

    String password();

    @WithDefault("/")
    String virtualHost();

    /** How long a publish waits for the broker's confirm before it counts as failed. */
    @WithDefault("5s")
    Duration confirmTimeout();

    /** Pause between attempts to (re)connect while the broker is unreachable. */
    @WithDefault("2s")
    Duration reconnectInterval();
}
