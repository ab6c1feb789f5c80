package io.depotops.connect.application.ocpp16;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.charger.ChargerReports;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallException;
import io.depotops.connect.application.session.VersionHandler;
import io.depotops.connect.application.transaction.MeterValueReader;
import io.depotops.connect.application.transaction.TransactionService;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.ConnectorAvailability;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import io.depotops.connect.domain.StatusReport;
import io.depotops.connect.domain.TransactionEvent;
import io.depotops.connect.domain.TransactionEventType;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * OCPP 1.6J: the charger-initiated messages of the Core, Firmware Management and Diagnostics
 * profiles. Section numbers: OCPP 1.6 edition 2.
 */
@ApplicationScoped
public class Ocpp16Handler implements VersionHandler {

    private static final Set<String> ACTIONS = Set.of(
            "BootNotification",
            "Heartbeat",
            "StatusNotification",
            "Authorize",
            "StartTransaction",
            "StopTransaction",
            "MeterValues",
            "DataTransfer",
            "FirmwareStatusNotification",
            "DiagnosticsStatusNotification");

    /** OCPP 1.6 StopTransaction.req: "Local" when the reason is omitted (section 7.41, Reason). */
    static final String DEFAULT_STOP_REASON = "Local";

    private final ChargerService chargers;
    private final TransactionService transactions;
    private final ChargerReports reports;
    private final ObjectMapper mapper;

    public Ocpp16Handler(
            ChargerService chargers, TransactionService transactions, ChargerReports reports, ObjectMapper mapper) {
        this.chargers = chargers;
        this.transactions = transactions;
        this.reports = reports;
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
            case "StartTransaction" -> startTransaction(context, payload);
            case "StopTransaction" -> stopTransaction(context, payload);
            case "MeterValues" -> meterValues(context, payload);
            case "DataTransfer" -> dataTransfer(context, payload);
            case "FirmwareStatusNotification" -> {
                reports.firmwareStatus(context, payload.get("status").asText(), null, chargers.now());
                yield mapper.createObjectNode();
            }
            case "DiagnosticsStatusNotification" -> {
                reports.diagnosticsStatus(context, payload.get("status").asText(), null, chargers.now());
                yield mapper.createObjectNode();
            }
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
                chargers.authorize(context.chargePointId(), payload.get("idTag").asText());
        ObjectNode response = mapper.createObjectNode();
        response.set("idTagInfo", idTagInfo(decision));
        return response;
    }

    /**
     * 4.8 Start Transaction: connect allocates the transaction id and decides the idTag from core's
     * registry. 1.6 connector N is EVSE N, connector 1.
     */
    private JsonNode startTransaction(CallContext context, JsonNode payload) {
        int connector = payload.get("connectorId").asInt();
        if (connector < 1) {
            throw new CallException(
                    RpcError.PROPERTY_CONSTRAINT_VIOLATION, "connectorId of a transaction must be greater than 0");
        }
        String idTag = payload.get("idTag").asText();
        long meterStart = payload.get("meterStart").asLong();
        Instant startedAt = Instant.parse(payload.get("timestamp").asText());
        TransactionStart start = new TransactionStart(connector, 1, idTag, meterStart, startedAt, null);
        TransactionEvent started = new TransactionEvent(
                TransactionEventType.STARTED, null, null, connector, 1, idTag, meterStart, startedAt, null, null);
        TransactionStartOutcome outcome =
                transactions.start(context.chargePointId(), context.version(), start, started, List.of());
        ObjectNode response = mapper.createObjectNode();
        response.set("idTagInfo", idTagInfo(outcome.authorization()));
        response.put("transactionId", outcome.transactionId());
        return response;
    }

    /**
     * 4.10 Stop Transaction: answered here (the idTag that stops is Accepted: core learns of the
     * stop from the event and settles it); transactionData goes out as meter values.
     */
    private JsonNode stopTransaction(CallContext context, JsonNode payload) {
        long transactionId = payload.get("transactionId").asLong();
        String idTag = text(payload, "idTag");
        String reason = text(payload, "reason");
        List<MeterSample> samples = MeterValueReader.read(payload.get("transactionData"), null, 0, transactionId, null);
        TransactionEvent ended = new TransactionEvent(
                TransactionEventType.ENDED,
                transactionId,
                null,
                null,
                0,
                idTag,
                payload.get("meterStop").asLong(),
                Instant.parse(payload.get("timestamp").asText()),
                reason != null ? reason : DEFAULT_STOP_REASON,
                null);
        transactions.record(context.chargePointId(), context.version(), ended, samples);
        ObjectNode response = mapper.createObjectNode();
        if (idTag != null) {
            response.putObject("idTagInfo").put("status", AuthorizationStatus.ACCEPTED.ocppName());
        }
        return response;
    }

    /** 4.7 Meter Values: connector 0 is the main meter (EVSE 0, connector 0). */
    private JsonNode meterValues(CallContext context, JsonNode payload) {
        int connector = payload.get("connectorId").asInt();
        Long transactionId = payload.hasNonNull("transactionId")
                ? payload.get("transactionId").asLong()
                : null;
        transactions.meterValues(
                context.chargePointId(),
                context.version(),
                MeterValueReader.read(
                        payload.get("meterValue"), connector, connector == 0 ? 0 : 1, transactionId, null));
        return mapper.createObjectNode();
    }

    /** 4.3 Data Transfer: Accepted for a configured vendor, else UnknownVendorId. */
    private JsonNode dataTransfer(CallContext context, JsonNode payload) {
        String status = reports.dataTransfer(
                context,
                payload.get("vendorId").asText(),
                text(payload, "messageId"),
                payload.get("data"),
                chargers.now());
        return mapper.createObjectNode().put("status", status);
    }

    /** 1.6 IdTagInfo; 1.6 has no "Unknown" status: an unknown token is Invalid. */
    private ObjectNode idTagInfo(Authorization decision) {
        AuthorizationStatus status =
                decision.status() == AuthorizationStatus.UNKNOWN ? AuthorizationStatus.INVALID : decision.status();
        ObjectNode info = mapper.createObjectNode().put("status", status.ocppName());
        if (decision.expiresAt() != null) {
            info.put("expiryDate", decision.expiresAt().toString());
        }
        if (decision.groupIdToken() != null && decision.groupIdToken().length() <= 20) {
            info.put("parentIdTag", decision.groupIdToken());
        }
        return info;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
