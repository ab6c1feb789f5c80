package io.depotops.connect.application.ocpp201;

import static io.depotops.connect.application.ocpp201.Ocpp201Payloads.idTokenInfo;
import static io.depotops.connect.application.ocpp201.Ocpp201Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.CallException;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.application.transaction.MeterValueReader;
import io.depotops.connect.application.transaction.TransactionService;
import io.depotops.connect.domain.Authorization;
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

/** OCPP 2.0.1 transactions and meter values. Use-case ids: OCPP 2.0.1 Part 2. */
@ApplicationScoped
public class Ocpp201TransactionActions implements ActionHandlers {

    /** OCPP 2.0.1 TransactionType.stoppedReason "MAY only be omitted when Reason is Local". */
    static final String DEFAULT_STOP_REASON = "Local";

    private final TransactionService transactions;
    private final ObjectMapper mapper;

    public Ocpp201TransactionActions(TransactionService transactions, ObjectMapper mapper) {
        this.transactions = transactions;
        this.mapper = mapper;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V201;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        return Map.of("TransactionEvent", this::transactionEvent, "MeterValues", this::meterValues);
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
            response.set("idTokenInfo", idTokenInfo(mapper, decision));
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
}
