package io.depotops.connect.application.ocpp16;

import static io.depotops.connect.application.ocpp16.Ocpp16Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.charger.ChargerReports;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.domain.OcppVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * OCPP 1.6J data transfers and the Firmware Management and Diagnostics profiles' notifications,
 * published as they come. Section numbers: OCPP 1.6 edition 2.
 */
@ApplicationScoped
public class Ocpp16ReportActions implements ActionHandlers {

    private final ChargerService chargers;
    private final ChargerReports reports;
    private final ObjectMapper mapper;

    public Ocpp16ReportActions(ChargerService chargers, ChargerReports reports, ObjectMapper mapper) {
        this.chargers = chargers;
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V16;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        return Map.of(
                "DataTransfer", this::dataTransfer,
                "FirmwareStatusNotification", this::firmwareStatus,
                "DiagnosticsStatusNotification", this::diagnosticsStatus);
    }

    /** 4.3 Data Transfer: Accepted for a configured vendor, else UnknownVendorId. */
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

    /** 4.5 Firmware Status Notification. */
    private JsonNode firmwareStatus(CallContext context, JsonNode payload) {
        reports.firmwareStatus(
                context.chargePointId(),
                context.version(),
                payload.get("status").asText(),
                null,
                chargers.now());
        return mapper.createObjectNode();
    }

    /** 4.4 Diagnostics Status Notification. */
    private JsonNode diagnosticsStatus(CallContext context, JsonNode payload) {
        reports.diagnosticsStatus(
                context.chargePointId(),
                context.version(),
                payload.get("status").asText(),
                null,
                chargers.now());
        return mapper.createObjectNode();
    }
}
