package io.depotops.connect.application.ocpp201;

import static io.depotops.connect.application.ocpp201.Ocpp201Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.charger.ChargerReports;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.domain.OcppVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OCPP 2.0.1 data transfers, firmware, log and security notifications, and the reports and
 * notifications that are published as they came. Use-case ids: OCPP 2.0.1 Part 2.
 */
@ApplicationScoped
public class Ocpp201ReportActions implements ActionHandlers {

    /**
     * Reports and notifications published as {@code connect.charger.notification.v1} and answered
     * with an empty payload (the two EV charging ones with {@code Accepted}).
     */
    static final List<String> NOTIFICATIONS = List.of(
            "NotifyEvent",
            "NotifyReport",
            "NotifyMonitoringReport",
            "NotifyChargingLimit",
            "ClearedChargingLimit",
            "NotifyEVChargingNeeds",
            "NotifyEVChargingSchedule",
            "ReportChargingProfiles",
            "ReservationStatusUpdate",
            "NotifyCustomerInformation",
            "NotifyDisplayMessages",
            "PublishFirmwareStatusNotification");

    private final ChargerService chargers;
    private final ChargerReports reports;
    private final ObjectMapper mapper;

    public Ocpp201ReportActions(ChargerService chargers, ChargerReports reports, ObjectMapper mapper) {
        this.chargers = chargers;
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V201;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        Map<String, CallHandler> handlers = new HashMap<>();
        handlers.put("DataTransfer", this::dataTransfer);
        handlers.put("FirmwareStatusNotification", this::firmwareStatus);
        handlers.put("LogStatusNotification", this::logStatus);
        handlers.put("SecurityEventNotification", this::securityEvent);
        for (String action : NOTIFICATIONS) {
            handlers.put(action, (context, payload) -> notification(context, action, payload));
        }
        return handlers;
    }

    /** P01 Data Transfer: Accepted for a configured vendor, else UnknownVendorId. */
    private JsonNode dataTransfer(CallContext context, JsonNode payload) {
        String status = reports.dataTransfer(
                context.chargePointId(),
                context.version(),
                payload.get("vendorId").asText(),
                text(payload, "messageId"),
                payload.get("data"),
                chargers.now());
        return mapper.createObjectNode().put("status", status);
    }

    /** L01/L02 firmware update: the charger's progress. */
    private JsonNode firmwareStatus(CallContext context, JsonNode payload) {
        reports.firmwareStatus(
                context.chargePointId(),
                context.version(),
                payload.get("status").asText(),
                requestId(payload),
                chargers.now());
        return mapper.createObjectNode();
    }

    /** N01 log upload: the charger's progress, published as diagnostics status. */
    private JsonNode logStatus(CallContext context, JsonNode payload) {
        reports.diagnosticsStatus(
                context.chargePointId(),
                context.version(),
                payload.get("status").asText(),
                requestId(payload),
                chargers.now());
        return mapper.createObjectNode();
    }

    /** A04 security event notification. */
    private JsonNode securityEvent(CallContext context, JsonNode payload) {
        reports.securityEvent(
                context.chargePointId(),
                context.version(),
                payload.get("type").asText(),
                Instant.parse(payload.get("timestamp").asText()),
                text(payload, "techInfo"));
        return mapper.createObjectNode();
    }

    /**
     * Published as they are; K15-K17 (EV charging needs and schedule) are accepted: core's planner
     * reads the needs from the event, and the charger's schedule stays within its limits.
     */
    private JsonNode notification(CallContext context, String action, JsonNode payload) {
        reports.notification(context.chargePointId(), context.version(), action, payload, chargers.now());
        ObjectNode response = mapper.createObjectNode();
        if ("NotifyEVChargingNeeds".equals(action) || "NotifyEVChargingSchedule".equals(action)) {
            response.put("status", "Accepted");
        }
        return response;
    }

    private static Integer requestId(JsonNode payload) {
        return payload.hasNonNull("requestId") ? payload.get("requestId").asInt() : null;
    }
}
