package io.depotops.connect.application.transaction;

import io.depotops.connect.application.charger.ChargerFacts;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.transaction.OpenTransactions.OpenTransaction;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.TransactionEvent;
import io.depotops.connect.domain.TransactionEventType;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The version-independent transaction use cases: start a transaction (connect allocates its id and
 * decides the token from core's registry, ADR 0010), take its updates and end, take meter values.
 * Remembers, per charger, the transactions it saw start ({@link OpenTransactions}, in connect's
 * database: the id of a 2.0.1 transaction, and the connector of both versions' transactions) so
 * that later events carry them, also after a reconnect to another instance or a restart of
 * connect. Core learns every transaction from the events.
 */
@ApplicationScoped
public class TransactionService {

    private static final String V16_KEY = "1.6:";
    private static final String V201_KEY = "2.0.1:";

    private final ChargerService chargers;
    private final ChargerFacts facts;
    private final TransactionIds ids;
    private final OpenTransactions open;

    public TransactionService(ChargerService chargers, ChargerFacts facts, TransactionIds ids, OpenTransactions open) {
        this.chargers = chargers;
        this.facts = facts;
        this.ids = ids;
        this.open = open;
    }

    /**
     * A transaction starts: it gets its id here, its token is decided like an Authorize (a
     * transaction without a token is accepted), and {@code started} is published with the id and
     * the samples that came with it.
     */
    public TransactionStartOutcome start(
            String chargePointId,
            OcppVersion version,
            TransactionStart start,
            TransactionEvent started,
            List<MeterSample> samples) {
        long transactionId = ids.next();
        Authorization authorization =
                start.idToken() == null ? Authorization.accepted() : chargers.authorize(chargePointId, start.idToken());
        OpenTransaction transaction = new OpenTransaction(transactionId, start.evseId(), start.connectorId());
        open.remember(chargePointId, key(version, transactionId, start.chargerTransactionId()), transaction);
        facts.transactionEvent(
                chargePointId,
                version,
                started.withTransaction(transactionId, start.evseId(), start.connectorId()),
                link(samples, transaction, start.chargerTransactionId()));
        return new TransactionStartOutcome(transactionId, authorization);
    }

    /**
     * An Updated or Ended event of a transaction: completed with what connect remembers of it
     * (core's id for 2.0.1, the connector when the event does not name it) and published with its
     * samples. An Ended transaction is forgotten.
     */
    public void record(String chargePointId, OcppVersion version, TransactionEvent event, List<MeterSample> samples) {
        String key = key(version, event.transactionId(), event.chargerTransactionId());
        OpenTransaction known =
                key == null ? null : open.recall(chargePointId, key).orElse(null);
        Long transactionId =
                version == OcppVersion.V16 ? event.transactionId() : known != null ? known.transactionId() : null;
        Integer evseId = event.evseId() != null ? event.evseId() : known != null ? known.evseId() : null;
        int connectorId = event.evseId() != null ? event.connectorId() : known != null ? known.connectorId() : 0;
        OpenTransaction resolved = new OpenTransaction(transactionId, evseId, connectorId);
        facts.transactionEvent(
                chargePointId,
                version,
                event.withTransaction(transactionId, evseId, connectorId),
                link(samples, resolved, event.chargerTransactionId()));
        if (key != null) {
            if (event.type() == TransactionEventType.ENDED) {
                open.forget(chargePointId, key);
            } else if (known == null || (event.evseId() != null && known.evseId() == null)) {
                open.remember(chargePointId, key, resolved);
            }
        }
    }

    /** Meter values outside a transaction event; the samples carry what the charger said. */
    public void meterValues(String chargePointId, OcppVersion version, List<MeterSample> samples) {
        if (!samples.isEmpty()) {
            facts.meterValues(chargePointId, version, samples);
        }
    }

    /** A token presented during a transaction (2.0.1 TransactionEvent Updated/Ended). */
    public Authorization authorize(String chargePointId, String idToken) {
        return chargers.authorize(chargePointId, idToken);
    }

    /**
     * The 2.0.1 charger's transaction id of the open transaction that has {@code transactionId}, as
     * far as connect saw it start.
     */
    public java.util.Optional<String> chargerTransactionId(String chargePointId, long transactionId) {
        return open.keyOf(chargePointId, transactionId)
                .filter(key -> key.startsWith(V201_KEY))
                .map(key -> key.substring(V201_KEY.length()));
    }

    private static List<MeterSample> link(List<MeterSample> samples, OpenTransaction transaction, String chargerId) {
        return samples.stream()
                .map(sample -> sample.withTransaction(
                        transaction.transactionId(), chargerId, transaction.evseId(), transaction.connectorId()))
                .toList();
    }

    /** 1.6 transactions by their id, 2.0.1 ones by the charger's id. */
    private static String key(OcppVersion version, Long transactionId, String chargerTransactionId) {
        if (version == OcppVersion.V16) {
            return transactionId == null ? null : V16_KEY + transactionId;
        }
        return chargerTransactionId == null ? null : V201_KEY + chargerTransactionId;
    }
}
