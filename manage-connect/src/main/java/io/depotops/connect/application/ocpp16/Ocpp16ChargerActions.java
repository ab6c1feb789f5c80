package io.depotops.connect.application.ocpp16;

import static io.depotops.connect.application.ocpp16.Ocpp16Payloads.idTagInfo;
import static io.depotops.connect.application.ocpp16.Ocpp16Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.ConnectorAvailability;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** OCPP 1.6J boot, heartbeat, status and authorisation. Section numbers: OCPP 1.6 edition 2. */
@ApplicationScoped
public class Ocpp16ChargerActions implements ActionHandlers {

    private final ChargerService chargers;
    private final ObjectMapper mapper;

    public Ocpp16ChargerActions(ChargerService chargers, ObjectMapper mapper) {
        this.chargers = chargers;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V16;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        return Map.of(
                "BootNotification", this::boot,
                "Heartbeat", (context, payload) -> heartbeat(),
                "StatusNotification", this::status,
                "Authorize", this::authorize);
    }

    /** 4.2 Boot Notification; 6.2/6.3 BootNotification.req/.conf. */
    private JsonNode boot(CallContext context, JsonNode payload) {
        String serial = text(payload, "chargePointSerialNumber");
        BootNotice notice = new BootNotice(
                text(payload, "chargePointVendor"),
                text(payload, "chargePointModel"),
                serial != null ? serial : text(payload, "chargeBoxSerialNumber"),
                text(payload, "firmwareVersion"),
                null);
        BootOutcome outcome = chargers.boot(context.chargePointId(), context.version(), notice);
        ObjectNode response = mapper.createObjectNode();
        response.put("status", outcome.status().ocppName());
        response.put("currentTime", outcome.currentTime().toString());
        response.put("interval", outcome.intervalSeconds());
        return response;
    }

    /** 4.6 Heartbeat: answered locally with the central system's time. */
    private JsonNode heartbeat() {
        return mapper.createObjectNode().put("currentTime", chargers.now().toString());
    }

    /** 4.9 Status Notification; connector 0 is the charge point as a whole. */
    private JsonNode status(CallContext context, JsonNode payload) {
        String status = payload.get("status").asText();
        StatusReport report = new StatusReport(
                null,
                payload.get("connectorId").asInt(),
                ConnectorAvailability.fromOcpp(status),
                status,
                text(payload, "errorCode"),
                text(payload, "info"),
                text(payload, "vendorErrorCode"),
                payload.hasNonNull("timestamp")
                        ? Instant.parse(payload.get("timestamp").asText())
                        : null);
        chargers.reportStatus(context.chargePointId(), context.version(), report);
        return mapper.createObjectNode();
    }

    /** 4.1 Authorize; 1.6 has no "Unknown" status: an unknown token is Invalid. */
    private JsonNode authorize(CallContext context, JsonNode payload) {
        Authorization decision =
                chargers.authorize(context.chargePointId(), payload.get("idTag").asText());
        ObjectNode response = mapper.createObjectNode();
        response.set("idTagInfo", idTagInfo(mapper, decision));
        return response;
    }
}
