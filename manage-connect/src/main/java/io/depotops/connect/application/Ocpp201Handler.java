package io.depotops.connect.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.ConnectorAvailability;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** OCPP 2.0.1: the messages of this slice. Use-case ids: OCPP 2.0.1 Part 2. */
@ApplicationScoped
public class Ocpp201Handler implements VersionHandler {

    private static final Set<String> ACTIONS =
            Set.of("BootNotification", "Heartbeat", "StatusNotification", "Authorize");

    private final ChargerService chargers;
    private final ObjectMapper mapper;

    public Ocpp201Handler(ChargerService chargers, ObjectMapper mapper) {
        this.chargers = chargers;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V201;
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

    /** B01 (cold boot), B02 (pending), B03 (rejected). */
    private JsonNode boot(CallContext context, JsonNode payload) {
        JsonNode station = payload.get("chargingStation");
        BootNotice notice = new BootNotice(
                text(station, "vendorName"),
                text(station, "model"),
                text(station, "serialNumber"),
                text(station, "firmwareVersion"),
                text(payload, "reason"));
        BootOutcome outcome = chargers.boot(context.chargePointId(), context.version(), notice);
        ObjectNode response = mapper.createObjectNode();
        response.put("currentTime", outcome.currentTime().toString());
        response.put("interval", outcome.intervalSeconds());
        response.put("status", outcome.status().ocppName());
        if (outcome.decidedOffline()) {
            response.putObject("statusInfo").put("reasonCode", "Offline");
        }
        return response;
    }

    /** G02 Heartbeat: answered locally with the CSMS's time. */
    private JsonNode heartbeat() {
        return mapper.createObjectNode().put("currentTime", chargers.now().toString());
    }

    /** G01 Status Notification. */
    private JsonNode status(CallContext context, JsonNode payload) {
        String status = payload.get("connectorStatus").asText();
        StatusReport report = new StatusReport(
                payload.get("evseId").asInt(),
                payload.get("connectorId").asInt(),
                ConnectorAvailability.fromOcpp(status),
                status,
                null,
                null,
                null,
                Instant.parse(payload.get("timestamp").asText()));
        chargers.reportStatus(context.chargePointId(), context.version(), report);
        return mapper.createObjectNode();
    }

    /** C01 (and C02-C07 token types): core decides; statuses map one to one. */
    private JsonNode authorize(CallContext context, JsonNode payload) {
        JsonNode token = payload.get("idToken");
        Authorization decision = chargers.authorize(
                context.chargePointId(),
                token.get("idToken").asText(),
                token.get("type").asText());
        ObjectNode info =
                mapper.createObjectNode().put("status", decision.status().ocppName());
        if (decision.expiresAt() != null) {
            info.put("cacheExpiryDateTime", decision.expiresAt().toString());
        }
        if (decision.groupIdToken() != null) {
            info.putObject("groupIdToken")
                    .put("idToken", decision.groupIdToken())
                    .put("type", "Central");
        }
        ObjectNode response = mapper.createObjectNode();
        response.set("idTokenInfo", info);
        return response;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
