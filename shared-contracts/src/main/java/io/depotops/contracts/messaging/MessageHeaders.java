package io.depotops.contracts.messaging;

/** AMQP message headers the services agree on (beyond the CloudEvents body). */
public final class MessageHeaders {

    /** W3C trace context, so traces continue across RabbitMQ. */
    public static final String TRACEPARENT = "traceparent";

    /** W3C trace state, carried with {@link #TRACEPARENT}. */
    public static final String TRACESTATE = "tracestate";

    /** Why a consumer parked a message on the dead-letter exchange. */
    public static final String DEAD_LETTER_REASON = "x-depotops-dead-letter-reason";

    /** The queue the parked message was taken from. */
    public static final String DEAD_LETTER_QUEUE = "x-depotops-dead-letter-queue";

    private MessageHeaders() {}
}
