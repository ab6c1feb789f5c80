package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.connect.application.charger.ChargerFacts;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import io.depotops.connect.domain.TransactionEvent;
import io.depotops.connect.domain.TransactionEventType;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerBootV1;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDataTransferV1;
import io.depotops.contracts.events.connect.ChargerDiagnosticsStatusV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerFirmwareStatusV1;
import io.depotops.contracts.events.connect.ChargerNotificationV1;
import io.depotops.contracts.events.connect.ChargerSecurityEventV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.connect.OcppFrameV1;
import io.depotops.contracts.events.connect.TransactionEventV1;
import io.depotops.platform.outbox.BatchingOutbox;
import io.depotops.platform.outbox.BufferedPublisher;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Charger facts as CloudEvents on {@code depotops.events}, through the outbox of schema {@code
 * connect}: a broker outage delays them, loses none. All facts of a charger share one aggregate
 * ({@code charger}/{@code <chargePointId>}), so they are published in order. The subject is the
 * charge point id; connect knows no workspace, so events carry none.
 *
 * <p>Appends go through {@link BatchingOutbox} (group commit: thousands of chargers share a few
 * commits per second). A fact the charger would send again if refused (boot, status, transaction,
 * meter values) returns only once committed, so its CALL is answered only then; connection facts
 * are not waited for.
 *
 * <p>Raw frames are no fact of any transaction and were two thirds of the outbox's rows: they go
 * to the broker through {@link BufferedPublisher} (bounded memory, publisher confirms), never
 * through the database. While the buffer has room the charger's session does not wait for them;
 * when the broker cannot take them fast enough and the buffer is full, the session waits for room
 * before it goes on (its answer is delayed): the message log loses nothing and memory stays
 * bounded (ADR 0011).
 */
@ApplicationScoped
public class OutboxChargerFacts implements ChargerFacts {

    static final String SOURCE = "/manage-connect";
    static final String AGGREGATE = "charger";

    private static final Logger LOG = Logger.getLogger(OutboxChargerFacts.class);

    /** Longer than the datasource's connection acquisition timeout, so a database outage shows as such. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    private final BatchingOutbox outbox;
    private final BufferedPublisher frames;
    private final ObjectMapper mapper;

    public OutboxChargerFacts(BatchingOutbox outbox, BufferedPublisher frames, ObjectMapper mapper) {
        this.outbox = outbox;
        this.frames = frames;
        this.mapper = mapper;
    }

    @Override
    public void connected(
            String chargePointId, OcppVersion version, String sessionId, Instant at, String remoteAddress) {
        submit(
                EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                chargePointId,
                new ChargerConnectedV1(chargePointId, version.label(), sessionId, at, remoteAddress));
    }

    @Override
    public void disconnected(String chargePointId, OcppVersion version, String sessionId, Instant at, String reason) {
        submit(
                EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                chargePointId,
                new ChargerDisconnectedV1(chargePointId, version.label(), sessionId, at, reason));
    }

    @Override
    public void booted(String chargePointId, OcppVersion version, BootNotice notice, BootOutcome outcome) {
        commit(
                EventTypes.CONNECT_CHARGER_BOOT_V1,
                chargePointId,
                new ChargerBootV1(
                        chargePointId,
                        version.label(),
                        notice.vendor(),
                        notice.model(),
                        notice.serialNumber(),
                        notice.firmwareVersion(),
                        notice.reason(),
                        outcome.status().ocppName(),
                        outcome.intervalSeconds(),
                        outcome.currentTime()));
    }

    @Override
    public void statusChanged(String chargePointId, OcppVersion version, StatusReport report) {
        commit(
                EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                chargePointId,
                new ChargerStatusChangedV1(
                        chargePointId,
                        version.label(),
                        report.evseId(),
                        report.connectorId(),
                        report.availability().name(),
                        report.ocppStatus(),
                        report.errorCode(),
                        report.info(),
                        report.vendorErrorCode(),
                        report.timestamp()));
    }

    @Override
    public void transactionEvent(
            String chargePointId, OcppVersion version, TransactionEvent event, List<MeterSample> samples) {
        List<OutboxMessage> messages = new ArrayList<>();
        if (event.type() != TransactionEventType.STARTED) {
            samples.forEach(sample -> messages.add(sample(chargePointId, version, sample)));
        }
        messages.add(message(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                chargePointId,
                new TransactionEventV1(
                        chargePointId,
                        version.label(),
                        event.type().ocppName(),
                        event.transactionId(),
                        event.chargerTransactionId(),
                        event.evseId(),
                        event.connectorId(),
                        event.idToken(),
                        event.meterWh(),
                        event.timestamp(),
                        event.stopReason(),
                        event.seqNo())));
        if (event.type() == TransactionEventType.STARTED) {
            samples.forEach(sample -> messages.add(sample(chargePointId, version, sample)));
        }
        await(outbox.append(messages));
    }

    @Override
    public void meterValues(String chargePointId, OcppVersion version, List<MeterSample> samples) {
        await(outbox.append(samples.stream()
                .map(sample -> sample(chargePointId, version, sample))
                .toList()));
    }

    private OutboxMessage sample(String chargePointId, OcppVersion version, MeterSample sample) {
        return message(
                EventTypes.CONNECT_CHARGER_METER_VALUES_V1,
                chargePointId,
                new MeterValuesV1(
                        chargePointId,
                        version.label(),
                        sample.evseId(),
                        sample.connectorId(),
                        sample.transactionId(),
                        sample.chargerTransactionId(),
                        sample.timestamp(),
                        sample.energyWh(),
                        sample.powerW(),
                        sample.currentA(),
                        sample.voltageV(),
                        sample.stateOfChargePercent()));
    }

    @Override
    public void dataTransfer(
            String chargePointId,
            OcppVersion version,
            String vendorId,
            String messageId,
            JsonNode data,
            String status,
            Instant at) {
        commit(
                EventTypes.CONNECT_CHARGER_DATA_TRANSFER_V1,
                chargePointId,
                new ChargerDataTransferV1(
                        chargePointId,
                        version.label(),
                        vendorId,
                        messageId,
                        data == null || data.isNull() ? null : mapper.convertValue(data, Object.class),
                        status,
                        at));
    }

    @Override
    public void firmwareStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant at) {
        commit(
                EventTypes.CONNECT_CHARGER_FIRMWARE_STATUS_V1,
                chargePointId,
                new ChargerFirmwareStatusV1(chargePointId, version.label(), status, requestId, at));
    }

    @Override
    public void diagnosticsStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant at) {
        commit(
                EventTypes.CONNECT_CHARGER_DIAGNOSTICS_STATUS_V1,
                chargePointId,
                new ChargerDiagnosticsStatusV1(chargePointId, version.label(), status, requestId, at));
    }

    @Override
    public void securityEvent(
            String chargePointId, OcppVersion version, String type, Instant timestamp, String techInfo) {
        commit(
                EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                chargePointId,
                new ChargerSecurityEventV1(chargePointId, version.label(), type, timestamp, techInfo));
    }

    @Override
    public void notification(String chargePointId, OcppVersion version, String action, JsonNode payload, Instant at) {
        commit(
                EventTypes.CONNECT_CHARGER_NOTIFICATION_V1,
                chargePointId,
                new ChargerNotificationV1(
                        chargePointId,
                        version.label(),
                        action,
                        mapper.convertValue(payload, new TypeReference<Map<String, Object>>() {}),
                        at));
    }

    @Override
    public void frame(
            String chargePointId, OcppVersion version, String sessionId, Direction direction, String text, Instant at) {
        OcppFrameV1 frame = new OcppFrameV1(
                chargePointId, version.label(), sessionId, direction == Direction.IN ? "in" : "out", at, text);
        // Waits only when the buffer is full: this charger's session is held back, no frame lost.
        frames.put(event(EventTypes.CONNECT_OCPP_FRAME_V1, chargePointId, frame));
    }

    /** Appends and returns once committed; throws when it could not be, so the CALL fails. */
    private void commit(String type, String chargePointId, Object data) {
        await(outbox.append(List.of(message(type, chargePointId, data))));
    }

    /** Appends without waiting: the fact is committed in order with the charger's other facts. */
    private void submit(String type, String chargePointId, Object data) {
        outbox.append(List.of(message(type, chargePointId, data))).whenComplete((committed, error) -> {
            if (error != null) {
                LOG.debugf("could not store a %s fact of %s: %s", type, chargePointId, error.getMessage());
            }
        });
    }

    private static void await(CompletableFuture<Void> committed) {
        try {
            committed.get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not store the fact: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the fact was not stored within " + COMMIT_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the fact", e);
        }
    }

    private OutboxMessage message(String type, String chargePointId, Object data) {
        return OutboxMessage.event(event(type, chargePointId, data), AGGREGATE, chargePointId);
    }

    private CloudEvent event(String type, String chargePointId, Object data) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        return DepotopsEvents.create(type, SOURCE, chargePointId, null, body);
    }
}
