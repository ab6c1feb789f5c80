package io.depotops.connect.application.ocpp16;

import static io.depotops.connect.application.ocpp16.Ocpp16Payloads.idTagInfo;
import static io.depotops.connect.application.ocpp16.Ocpp16Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallException;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.application.transaction.MeterValueReader;
import io.depotops.connect.application.transaction.TransactionService;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import io.depotops.connect.domain.TransactionEvent;
import io.depotops.connect.domain.TransactionEventType;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** OCPP 1.6J transactions and meter values. Section numbers: OCPP 1.6 edition 2. */
@ApplicationScoped
public class Ocpp16TransactionActions implements ActionHandlers {

    /** OCPP 1.6 StopTransaction.req: "Local" when the reason is omitted (section 7.41, Reason). */
    static final String DEFAULT_STOP_REASON = "Local";

    private final TransactionService transactions;
    private final ObjectMapper mapper;

    public Ocpp16TransactionActions(TransactionService transactions, ObjectMapper mapper) {
        this.transactions = transactions;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V16;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        return Map.of(
                "StartTransaction", this::startTransaction,
                "StopTransaction", this::stopTransaction,
                "MeterValues", this::meterValues);
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
        response.set("idTagInfo", idTagInfo(mapper, outcome.authorization()));
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
}
