package io.depotops.connect.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.ConnectorAvailability;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** OCPP 1.6J: the Core profile messages of this slice. Section numbers: OCPP 1.6 edition 2. */
@ApplicationScoped
public class Ocpp16Handler implements VersionHandler {

    private static final Set<String> ACTIONS =
            Set.of("BootNotification", "Heartbeat", "StatusNotification", "Authorize");

    private final ChargerService chargers;
    private final ObjectMapper mapper;

    public Ocpp16Handler(ChargerService chargers, ObjectMapper mapper) {
        this.chargers = chargers;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V16;
    }

    @Override
    public boolean handles(String action) {
        return ACTIONS.contains(action);
    }

    @Override
    public JsonNode handle(CallContext context, String action, JsonNode payload) {
        return switch (action) {
            case "BootNotification" -> boot(context, payload);
            case "Heartbeat" -> heartbeat();
            case "StatusNotification" -> status(context, payload);
            case "Authorize" -> authorize(context, payload);
            default -> throw new IllegalArgumentException(action);
        };
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
                chargers.authorize(context.chargePointId(), payload.get("idTag").asText(), "Central");
        AuthorizationStatus status =
                decision.status() == AuthorizationStatus.UNKNOWN ? AuthorizationStatus.INVALID : decision.status();
        ObjectNode info = mapper.createObjectNode().put("status", status.ocppName());
        if (decision.expiresAt() != null) {
            info.put("expiryDate", decision.expiresAt().toString());
        }
        if (decision.groupIdToken() != null && decision.groupIdToken().length() <= 20) {
            info.put("parentIdTag", decision.groupIdToken());
        }
        ObjectNode response = mapper.createObjectNode();
        response.set("idTagInfo", info);
        return response;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
