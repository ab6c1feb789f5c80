package io.depotops.contracts.messaging;

/** The RabbitMQ exchanges every service shares. All are durable topic exchanges. */
public final class Exchanges {

    /** Every domain event, as a CloudEvents 1.0 structured JSON message; routing key = event type. */
    public static final String EVENTS = "depotops.events";

    /** Commands to chargers; routing key {@code chargepoint.<id>}, see {@link RoutingKeys}. */
    public static final String COMMANDS = "depotops.commands";

    /** Where queues park what they cannot process, with the reason in the headers. */
    public static final String DEAD_LETTERS = "depotops.dlx";

    private Exchanges() {}
}
