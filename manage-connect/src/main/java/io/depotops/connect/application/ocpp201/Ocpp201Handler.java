package io.depotops.connect.application.ocpp201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.certificate.CertificateService;
import io.depotops.connect.application.charger.ChargerReports;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallException;
import io.depotops.connect.application.session.VersionHandler;
import io.depotops.connect.application.transaction.MeterValueReader;
import io.depotops.connect.application.transaction.TransactionService;
import io.depotops.connect.domain.Authorization;
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

/** OCPP 2.0.1: every message a charging station initiates. Use-case ids: OCPP 2.0.1 Part 2. */
@ApplicationScoped
public class Ocpp201Handler implements VersionHandler {

    /**
     * Reports and notifications published as {@code connect.charger.notification.v1} and answered
     * with an empty payload (the two EV charging ones with {@code Accepted}).
     */
    static final Set<String> NOTIFICATIONS = Set.of(
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

    /** Block M and A03: relayed to the certificate authority. */
    static final Set<String> CERTIFICATE_REQUESTS =
            Set.of("Get15118EVCertificate", "GetCertificateStatus", "SignCertificate");

    private static final Set<String> ACTIONS = union(
            Set.of(
                    "BootNotification",
                    "Heartbeat",
                    "StatusNotification",
                    "Authorize",
                    "TransactionEvent",
                    "MeterValues",
                    "DataTransfer",
                    "FirmwareStatusNotification",
                    "LogStatusNotification",
                    "SecurityEventNotification"),
            NOTIFICATIONS,
            CERTIFICATE_REQUESTS);

    /** OCPP 2.0.1 TransactionType.stoppedReason "MAY only be omitted when Reason is Local". */
    static final String DEFAULT_STOP_REASON = "Local";

    private final ChargerService chargers;
    private final TransactionService transactions;
    private final ChargerReports reports;
    private final CertificateService certificates;
    private final ObjectMapper mapper;

    public Ocpp201Handler(
            ChargerService chargers,
            TransactionService transactions,
            ChargerReports reports,
            CertificateService certificates,
            ObjectMapper mapper) {
        this.chargers = chargers;
        this.transactions = transactions;
        this.reports = reports;
        this.certificates = certificates;
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
        if (NOTIFICATIONS.contains(action)) {
            return notification(context, action, payload);
        }
        if (CERTIFICATE_REQUESTS.contains(action)) {
            return certificates.relay(context, action, payload);
        }
        return switch (action) {
            case "BootNotification" -> boot(context, payload);
            case "Heartbeat" -> heartbeat();
            case "StatusNotification" -> status(context, payload);
            case "Authorize" -> authorize(context, payload);
            case "TransactionEvent" -> transactionEvent(context, payload);
            case "MeterValues" -> meterValues(context, payload);
            case "DataTransfer" -> dataTransfer(context, payload);
            case "FirmwareStatusNotification" -> {
                reports.firmwareStatus(context, payload.get("status").asText(), requestId(payload), chargers.now());
                yield mapper.createObjectNode();
            }
            case "LogStatusNotification" -> {
                reports.diagnosticsStatus(context, payload.get("status").asText(), requestId(payload), chargers.now());
                yield mapper.createObjectNode();
            }
            case "SecurityEventNotification" -> {
                reports.securityEvent(
                        context,
                        payload.get("type").asText(),
                        Instant.parse(payload.get("timestamp").asText()),
                        text(payload, "techInfo"));
                yield mapper.createObjectNode();
            }
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
        response.set("idTokenInfo", idTokenInfo(decision));
        return response;
    }

    /**
     * E01-E07 (transaction start and stop, cable plugin or idToken first), J02 (meter values in a
     * transaction): Started gets its transaction id from connect and its token decided from core's registry,
     * Updated and Ended are published; an idToken sent gets its idTokenInfo.
     */
    private JsonNode transactionEvent(CallContext context, JsonNode payload) {
        TransactionEventType type =
                TransactionEventType.fromOcppName(payload.get("eventType").asText());
        Instant timestamp = Instant.parse(payload.get("timestamp").asText());
        JsonNode info = payload.get("transactionInfo");
        String chargerTransactionId = info.get("transactionId").asText();
        JsonNode evse = payload.get("evse");
        Integer evseId = evse != null ? evse.get("id").asInt() : null;
        int connectorId = evse == null
                ? 0
                : evse.hasNonNull("connectorId") ? evse.get("connectorId").asInt() : 1;
        JsonNode token = payload.get("idToken");
        String idToken = token != null ? token.get("idToken").asText() : null;
        JsonNode meterValue = payload.get("meterValue");
        String sampleContext = switch (type) {
            case STARTED -> "Transaction.Begin";
            case UPDATED -> "Sample.Periodic";
            case ENDED -> "Transaction.End";
        };
        Long meterWh = MeterValueReader.lastEnergyWh(meterValue, sampleContext);
        String stopReason = null;
        if (type == TransactionEventType.ENDED) {
            String stoppedReason = text(info, "stoppedReason");
            stopReason = stoppedReason != null ? stoppedReason : DEFAULT_STOP_REASON;
        }
        Integer seqNo = payload.get("seqNo").asInt();
        List<MeterSample> samples = MeterValueReader.read(meterValue, evseId, connectorId, null, chargerTransactionId);
        TransactionEvent event = new TransactionEvent(
                type, null, chargerTransactionId, evseId, connectorId, idToken, meterWh, timestamp, stopReason, seqNo);
        Authorization decision;
        if (type == TransactionEventType.STARTED) {
            if (evseId == null || evseId < 1) {
                // The first TransactionEvent of a transaction names its EVSE (Part 2, E01-E03).
                throw new CallException(
                        RpcError.OCCURRENCE_CONSTRAINT_VIOLATION, "A Started TransactionEvent must name its evse");
            }
            TransactionStart start = new TransactionStart(
                    evseId, connectorId, idToken, meterWh != null ? meterWh : 0, timestamp, chargerTransactionId);
            TransactionStartOutcome outcome =
                    transactions.start(context.chargePointId(), context.version(), start, event, samples);
            decision = outcome.authorization();
        } else {
            decision = idToken != null ? transactions.authorize(context.chargePointId(), idToken) : null;
            transactions.record(context.chargePointId(), context.version(), event, samples);
        }
        ObjectNode response = mapper.createObjectNode();
        if (idToken != null && decision != null) {
            response.set("idTokenInfo", idTokenInfo(decision));
        }
        return response;
    }

    /** J01 meter values outside a transaction; EVSE 0 is the main meter (connector 0). */
    private JsonNode meterValues(CallContext context, JsonNode payload) {
        int evseId = payload.get("evseId").asInt();
        transactions.meterValues(
                context.chargePointId(),
                context.version(),
                MeterValueReader.read(payload.get("meterValue"), evseId, evseId == 0 ? 0 : 1, null, null));
        return mapper.createObjectNode();
    }

    /** P01 Data Transfer: Accepted for a configured vendor, else UnknownVendorId. */
    private JsonNode dataTransfer(CallContext context, JsonNode payload) {
        String status = reports.dataTransfer(
                context,
                payload.get("vendorId").asText(),
                text(payload, "messageId"),
                payload.get("data"),
                chargers.now());
        return mapper.createObjectNode().put("status", status);
    }

    /**
     * Published as they are; K15-K17 (EV charging needs and schedule) are accepted: core's planner
     * reads the needs from the event, and the charger's schedule stays within its limits.
     */
    private JsonNode notification(CallContext context, String action, JsonNode payload) {
        reports.notification(context, action, payload, chargers.now());
        ObjectNode response = mapper.createObjectNode();
        if ("NotifyEVChargingNeeds".equals(action) || "NotifyEVChargingSchedule".equals(action)) {
            response.put("status", "Accepted");
        }
        return response;
    }

    private static Integer requestId(JsonNode payload) {
        return payload.hasNonNull("requestId") ? payload.get("requestId").asInt() : null;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    private ObjectNode idTokenInfo(Authorization decision) {
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
        return info;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
