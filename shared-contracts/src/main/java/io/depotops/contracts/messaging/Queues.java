package io.depotops.contracts.messaging;

/**
 * Queue names. Every consumer owns one durable queue named {@code depotops.<service>.<purpose>}
 * with dead-lettering to {@link Exchanges#DEAD_LETTERS}.
 */
public final class Queues {

    /** Bound to {@link Exchanges#DEAD_LETTERS} with {@code #}: everything parked, for operators. */
    public static final String DEAD_LETTERS = "depotops.dead-letters";

    /** Core's single ingest of canonical telematics updates (from polling and from streams). */
    public static final String CORE_TELEMATICS_INGEST = "depotops.core.telematics-ingest";

    /** Core's consumption of charger facts published by connect. */
    public static final String CORE_CHARGER_EVENTS = "depotops.core.charger-events";

    /** Core's OCPP message log writer, fed by {@code connect.ocpp.frame.v1}. */
    public static final String CORE_MESSAGE_LOG = "depotops.core.message-log";

    /** Incidents' rule engine input. */
    public static final String INCIDENTS_EVENTS = "depotops.incidents.events";

    /** The digital twin's live model input. */
    public static final String TWIN_EVENTS = "depotops.twin.events";

    /** Queue argument that sends rejected or expired messages to the dead-letter exchange. */
    public static final String ARG_DEAD_LETTER_EXCHANGE = "x-dead-letter-exchange";

    private Queues() {}

    /** The command queue of one connect instance; exclusive to that instance's lifetime. */
    public static String connectCommands(String instanceId) {
        return "depotops.connect.commands." + instanceId;
    }

    /** Name for a consumer queue of {@code service} for {@code purpose}. */
    public static String of(String service, String purpose) {
        return "depotops." + service + "." + purpose;
    }
}
