package io.depotops.connect.application.ocpp201;

import static io.depotops.connect.application.ocpp201.Ocpp201Payloads.idTokenInfo;
import static io.depotops.connect.application.ocpp201.Ocpp201Payloads.text;

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

/** OCPP 2.0.1 boot, heartbeat, status and authorisation. Use-case ids: OCPP 2.0.1 Part 2. */
@ApplicationScoped
public class Ocpp201ChargerActions implements ActionHandlers {

    private final ChargerService chargers;
    private final ObjectMapper mapper;

    public Ocpp201ChargerActions(ChargerService chargers, ObjectMapper mapper) {
        this.chargers = chargers;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V201;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        return Map.of(
                "BootNotification", this::boot,
                "Heartbeat", (context, payload) -> heartbeat(),
                "StatusNotification", this::status,
                "Authorize", this::authorize);
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

    /** C01 (and C02-C07 token types): decided from core's registry; statuses map one to one. */
    private JsonNode authorize(CallContext context, JsonNode payload) {
        JsonNode token = payload.get("idToken");
        Authorization decision =
                chargers.authorize(context.chargePointId(), token.get("idToken").asText());
        ObjectNode response = mapper.createObjectNode();
        response.set("idTokenInfo", idTokenInfo(mapper, decision));
        return response;
    }
}
