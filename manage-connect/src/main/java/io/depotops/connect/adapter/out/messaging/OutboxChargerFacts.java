package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.ChargerFacts;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

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
        ObjectNode data = base(chargePointId, version)
                .put("sessionId", sessionId)
                .put("connectedAt", at.toString())
                .put("remoteAddress", remoteAddress);
        append(EventTypes.CONNECT_CHARGER_CONNECTED_V1, chargePointId, data);
    }

    @Override
    @Transactional
    public void disconnected(String chargePointId, OcppVersion version, String sessionId, Instant at, String reason) {
        ObjectNode data = base(chargePointId, version)
                .put("sessionId", sessionId)
                .put("disconnectedAt", at.toString())
                .put("reason", reason);
        append(EventTypes.CONNECT_CHARGER_DISCONNECTED_V1, chargePointId, data);
    }

    @Override
    @Transactional
    public void booted(String chargePointId, OcppVersion version, BootNotice notice, BootOutcome outcome) {
        ObjectNode data = base(chargePointId, version)
                .put("vendor", notice.vendor())
                .put("model", notice.model())
                .put("serialNumber", notice.serialNumber())
                .put("firmwareVersion", notice.firmwareVersion())
                .put("reason", notice.reason())
                .put("status", outcome.status().ocppName())
                .put("intervalSeconds", outcome.intervalSeconds())
                .put("decidedOffline", outcome.decidedOffline())
                .put("bootedAt", outcome.currentTime().toString());
        append(EventTypes.CONNECT_CHARGER_BOOT_V1, chargePointId, data);
    }

    @Override
    @Transactional
    public void statusChanged(String chargePointId, OcppVersion version, StatusReport report) {
        ObjectNode data = base(chargePointId, version)
                .put("evseId", report.evseId())
                .put("connectorId", report.connectorId())
                .put("status", report.availability().name())
                .put("ocppStatus", report.ocppStatus())
                .put("errorCode", report.errorCode())
                .put("info", report.info())
                .put("vendorErrorCode", report.vendorErrorCode())
                .put(
                        "timestamp",
                        report.timestamp() == null ? null : report.timestamp().toString());
        append(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, chargePointId, data);
    }

    @Override
    @Transactional
    public void frame(
            String chargePointId, OcppVersion version, String sessionId, Direction direction, String text, Instant at) {
        ObjectNode data = base(chargePointId, version)
                .put("sessionId", sessionId)
                .put("direction", direction == Direction.IN ? "in" : "out")
                .put("at", at.toString())
                .put("frame", text);
        append(EventTypes.CONNECT_OCPP_FRAME_V1, chargePointId, data);
    }

    private ObjectNode base(String chargePointId, OcppVersion version) {
        return mapper.createObjectNode().put("chargePointId", chargePointId).put("ocppVersion", version.subprotocol());
    }

    private void append(String type, String chargePointId, ObjectNode data) {
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
