package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerBootV1;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.connect.TransactionEventV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.ChargerFactsService;
import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.TransactionFact;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** manage-connect's charger facts, from core's queue, into {@link ChargerFactsService}. */
@ApplicationScoped
class ChargerFactsConsumer {

    /** connect's reason for a session that a new connection of the same charger replaced. */
    static final String REPLACED = "replaced";

    private static final int BATCH = 100;
    private static final Duration BATCH_WAIT = Duration.ofMillis(20);

    private final EventSubscriptions subscriptions;
    private final ChargerFactsService facts;
    private final TransactionService transactions;
    private final ObjectMapper json;

    ChargerFactsConsumer(
            EventSubscriptions subscriptions,
            ChargerFactsService facts,
            TransactionService transactions,
            ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.facts = facts;
        this.transactions = transactions;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribeBatches(
                Queues.CORE_CHARGER_EVENTS,
                List.of(
                        EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                        EventTypes.CONNECT_CHARGER_BOOT_V1,
                        EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                        EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                        EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                        EventTypes.CONNECT_CHARGER_METER_VALUES_V1),
                BATCH,
                BATCH_WAIT,
                this::applyAll,
                this::apply);
    }

    /**
     * A batch in one transaction (the use cases join it): with thousands of chargers, one commit
     * per fact made this queue fall behind. Each fact is applied exactly as alone, in queue order.
     */
    void applyAll(List<CloudEvent> events) {
        QuarkusTransaction.joiningExisting().run(() -> {
            for (CloudEvent event : events) {
                try {
                    apply(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    void apply(CloudEvent event) throws IOException {
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        switch (event.getType()) {
            case EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1 -> {
                ChargerStatusChangedV1 status = json.readValue(data, ChargerStatusChangedV1.class);
                Instant at = status.timestamp() != null ? status.timestamp() : observedAt(event);
                facts.statusReported(
                        event.getId(),
                        status.chargePointId(),
                        status.evseId(),
                        status.connectorId(),
                        status.status(),
                        at);
            }
            case EventTypes.CONNECT_CHARGER_BOOT_V1 -> {
                ChargerBootV1 boot = json.readValue(data, ChargerBootV1.class);
                facts.booted(
                        event.getId(),
                        boot.chargePointId(),
                        boot.status(),
                        boot.firmwareVersion(),
                        boot.serialNumber(),
                        boot.bootedAt() != null ? boot.bootedAt() : observedAt(event));
            }
            case EventTypes.CONNECT_CHARGER_CONNECTED_V1 -> {
                ChargerConnectedV1 connected = json.readValue(data, ChargerConnectedV1.class);
                facts.connectivityChanged(event.getId(), connected.chargePointId(), true, connected.connectedAt());
            }
            case EventTypes.CONNECT_CHARGER_DISCONNECTED_V1 -> {
                ChargerDisconnectedV1 gone = json.readValue(data, ChargerDisconnectedV1.class);
                // A replaced session ends after its successor connected: the charger is online.
                if (!REPLACED.equals(gone.reason())) {
                    facts.connectivityChanged(event.getId(), gone.chargePointId(), false, gone.disconnectedAt());
                }
            }
            case EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1 -> {
                TransactionEventV1 fact = json.readValue(data, TransactionEventV1.class);
                transactions.apply(event.getId(), toFact(fact, observedAt(event)));
            }
            case EventTypes.CONNECT_CHARGER_METER_VALUES_V1 -> {
                MeterValuesV1 meter = json.readValue(data, MeterValuesV1.class);
                if (meter.energyWh() != null
                        && (meter.transactionId() != null || meter.chargerTransactionId() != null)) {
                    transactions.metered(
                            event.getId(),
                            meter.chargePointId(),
                            meter.transactionId(),
                            meter.chargerTransactionId(),
                            meter.energyWh(),
                            meter.timestamp() != null ? meter.timestamp() : observedAt(event));
                }
            }
            default -> {
                // Bound by another version of this consumer: nothing to do with it here.
            }
        }
    }

    /** OCPP 1.6 has no EVSE: its connector N is EVSE N, connector 1 (as core registers it). */
    private static TransactionFact toFact(TransactionEventV1 fact, Instant fallback) {
        boolean evseLess = fact.evseId() == null;
        return new TransactionFact(
                fact.chargePointId(),
                TransactionService.Stage.valueOf(fact.eventType().toUpperCase(java.util.Locale.ROOT)),
                fact.transactionId(),
                fact.chargerTransactionId(),
                evseLess ? Math.max(1, fact.connectorId()) : fact.evseId(),
                evseLess ? 1 : Math.max(1, fact.connectorId()),
                fact.idToken(),
                energyRegister(fact.meterWh()),
                fact.timestamp() != null ? fact.timestamp() : fallback,
                fact.stopReason());
    }

    /**
     * An energy register is never negative: a charger that reports one (a broken meter, issue 13's
     * {@code meterStart: -5}) gives no reading, and its transaction is still recorded (from 0) instead
     * of being refused by the database again at every redelivery.
     */
    static Long energyRegister(Long wh) {
        return wh != null && wh < 0 ? null : wh;
    }

    private static Instant observedAt(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }
}
