package io.depotops.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code depotops.buffered-publisher.*}: how much {@link BufferedPublisher} holds and how it publishes. */
@ConfigMapping(prefix = "depotops.buffered-publisher")
public interface BufferedPublisherSettings {

    /** Most messages held; a put beyond it waits for room (backpressure), nothing is dropped. */
    @WithDefault("50000")
    int capacity();

    /** Most bytes of message bodies held (with {@link #capacity()}, the bound on the buffer's memory). */
    @WithDefault("67108864")
    long maxBytes();

    /**
     * Publishing threads, each on a channel of its own. One keeps the offer order at the broker;
     * more overlap their confirm waits, for messages whose consumers order them by their own
     * timestamps (connect's frames).
     */
    @WithDefault("1")
    int publishers();

    /** Most messages in one publish (one wait for the broker's confirms). */
    @WithDefault("500")
    int batchSize();

    /**
     * Most CloudEvents in one broker message: consecutive events of one routing key in a batch go
     * out as a CloudEvents JSON batch, which spares the broker a message (and a confirm) per event.
     * 1 publishes each event as a message of its own.
     */
    @WithDefault("1")
    int packSize();

    /** Delay before a batch the broker did not confirm is published again; doubled per try, capped. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How long a shutting-down service goes on publishing what it holds before it drops the rest
     * (counted): long enough to publish a full buffer at the broker's usual rate.
     */
    @WithDefault("5s")
    Duration shutdownGrace();
}
