package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.ChargerFacts;
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
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Charger facts as CloudEvents on {@code depotops.events}, through the transactional outbox of
 * schema {@code connect}: a broker outage delays them, loses none. All facts of a charger share
 * one aggregate ({@code charger}/{@code <chargePointId>}), so they are published in order. The
 * subject is the charge point id; connect knows no workspace, so events carry none.
 */
@ApplicationScoped
public class OutboxChargerFacts implements ChargerFacts {

    static final String SOURCE = "/manage-connect";
    static final String AGGREGATE = "charger";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public OutboxChargerFacts(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public void connected(
            String chargePointId, OcppVersion version, String sessionId, Instant at, String remoteAddress) {
        append(
                EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                chargePointId,
                new ChargerConnectedV1(chargePointId, version.label(), sessionId, at, remoteAddress));
    }

    @Override
    @Transactional
    public void disconnected(String chargePointId, OcppVersion version, String sessionId, Instant at, String reason) {
        append(
                EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                chargePointId,
                new ChargerDisconnectedV1(chargePointId, version.label(), sessionId, at, reason));
    }

    @Override
    @Transactional
    public void booted(String chargePointId, OcppVersion version, BootNotice notice, BootOutcome outcome) {
        append(
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
                        outcome.decidedOffline(),
                        outcome.currentTime()));
    }

    @Override
    @Transactional
    public void statusChanged(String chargePointId, OcppVersion version, StatusReport report) {
        append(
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
    @Transactional
    public void transactionEvent(
            String chargePointId, OcppVersion version, TransactionEvent event, List<MeterSample> samples) {
        if (event.type() != TransactionEventType.STARTED) {
            samples.forEach(sample -> appendSample(chargePointId, version, sample));
        }
        append(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                chargePointId,
                new TransactionEventV1(
                        chargePointId,
                        version.label(),
                        event.type().ocppName(),
                        event.transactionId(),
                        event.chargerTransactionId(),
                        event.provisional(),
                        event.evseId(),
                        event.connectorId(),
                        event.idToken(),
                        event.meterWh(),
                        event.timestamp(),
                        event.stopReason(),
                        event.seqNo()));
        if (event.type() == TransactionEventType.STARTED) {
            samples.forEach(sample -> appendSample(chargePointId, version, sample));
        }
    }

    @Override
    @Transactional
    public void meterValues(String chargePointId, OcppVersion version, List<MeterSample> samples) {
        samples.forEach(sample -> appendSample(chargePointId, version, sample));
    }

    private void appendSample(String chargePointId, OcppVersion version, MeterSample sample) {
        append(
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
    @Transactional
    public void dataTransfer(
            String chargePointId,
            OcppVersion version,
            String vendorId,
            String messageId,
            JsonNode data,
            String status,
            Instant at) {
        append(
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
    @Transactional
    public void firmwareStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant at) {
        append(
                EventTypes.CONNECT_CHARGER_FIRMWARE_STATUS_V1,
                chargePointId,
                new ChargerFirmwareStatusV1(chargePointId, version.label(), status, requestId, at));
    }

    @Override
    @Transactional
    public void diagnosticsStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant at) {
        append(
                EventTypes.CONNECT_CHARGER_DIAGNOSTICS_STATUS_V1,
                chargePointId,
                new ChargerDiagnosticsStatusV1(chargePointId, version.label(), status, requestId, at));
    }

    @Override
    @Transactional
    public void securityEvent(
            String chargePointId, OcppVersion version, String type, Instant timestamp, String techInfo) {
        append(
                EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                chargePointId,
                new ChargerSecurityEventV1(chargePointId, version.label(), type, timestamp, techInfo));
    }

    @Override
    @Transactional
    public void notification(String chargePointId, OcppVersion version, String action, JsonNode payload, Instant at) {
        append(
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
    @Transactional
    public void frame(
            String chargePointId, OcppVersion version, String sessionId, Direction direction, String text, Instant at) {
        append(
                EventTypes.CONNECT_OCPP_FRAME_V1,
                chargePointId,
                new OcppFrameV1(
                        chargePointId, version.label(), sessionId, direction == Direction.IN ? "in" : "out", at, text));
    }

    private void append(String type, String chargePointId, Object data) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        outbox.append(OutboxMessage.event(
                DepotopsEvents.create(type, SOURCE, chargePointId, null, body), AGGREGATE, chargePointId));
    }
}
