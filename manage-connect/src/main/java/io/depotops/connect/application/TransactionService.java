package io.depotops.connect.application;

import io.depotops.connect.application.OpenTransactions.OpenTransaction;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.TransactionEvent;
import io.depotops.connect.domain.TransactionEventType;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The version-independent transaction use cases: start a transaction (core allocates it, or the
 * offline policy does), take its updates and end, take meter values. Remembers, per charger, the
 * transactions it saw start ({@link OpenTransactions}, in connect's database: core's id of a 2.0.1
 * transaction, and the connector of both versions' transactions) so that later events carry them,
 * also after a reconnect to another instance or a restart of connect.
 */
@ApplicationScoped
public class TransactionService {

    private static final Logger LOG = Logger.getLogger(TransactionService.class);

    private static final String V16_KEY = "1.6:";
    private static final String V201_KEY = "2.0.1:";

    private final CoreLink core;
    private final ChargerFacts facts;
    private final ProvisionalTransactionIds provisionalIds;
    private final ConnectSettings settings;
    private final OpenTransactions open;

    public TransactionService(
            CoreLink core,
            ChargerFacts facts,
            ProvisionalTransactionIds provisionalIds,
            ConnectSettings settings,
            OpenTransactions open) {
        this.core = core;
        this.facts = facts;
        this.provisionalIds = provisionalIds;
        this.settings = settings;
        this.open = open;
    }

    /**
     * A transaction starts: core allocates it and decides the token; when core does not answer in
     * time, the offline policy accepts it (status {@code offline.start-transaction-status}) with a
     * provisional id for 1.6 and none for 2.0.1. Publishes {@code started} (completed with the id)
     * and the samples that came with it.
     */
    public TransactionStartOutcome start(
            String chargePointId,
            OcppVersion version,
            TransactionStart start,
            TransactionEvent started,
            List<MeterSample> samples) {
        TransactionStartOutcome outcome;
        try {
            outcome = core.startTransaction(chargePointId, start);
        } catch (CoreUnavailableException e) {
            Long provisionalId = start.chargerTransactionId() == null ? provisionalIds.next() : null;
            LOG.warnf(
                    "core did not start the transaction of %s (evse %d), starting it by the offline policy"
                            + " with transaction id %s: %s",
                    chargePointId, start.evseId(), provisionalId, e.getMessage());
            outcome = new TransactionStartOutcome(provisionalId, offlineTokenDecision(), true);
        }
        OpenTransaction transaction = new OpenTransaction(
                outcome.transactionId(), outcome.provisional(), start.evseId(), start.connectorId());
        String key = key(version, outcome.transactionId(), start.chargerTransactionId());
        if (key != null) {
            open.remember(chargePointId, key, transaction);
        }
        facts.transactionEvent(
                chargePointId,
                version,
                started.withTransaction(
                        outcome.transactionId(), outcome.provisional(), start.evseId(), start.connectorId()),
                link(samples, transaction, start.chargerTransactionId()));
        return outcome;
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
        boolean provisional = version == OcppVersion.V16
                ? TransactionStartOutcome.isProvisionalId(transactionId)
                : known != null && known.provisional();
        Integer evseId = event.evseId() != null ? event.evseId() : known != null ? known.evseId() : null;
        int connectorId = event.evseId() != null ? event.connectorId() : known != null ? known.connectorId() : 0;
        OpenTransaction resolved = new OpenTransaction(transactionId, provisional, evseId, connectorId);
        facts.transactionEvent(
                chargePointId,
                version,
                event.withTransaction(transactionId, provisional, evseId, connectorId),
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

    /**
     * A token presented during a transaction (2.0.1 TransactionEvent Updated/Ended): core decides;
     * offline the transaction start policy applies, so a charging vehicle is not stopped.
     */
    public Authorization authorize(String chargePointId, String idToken, String tokenType) {
        try {
            return core.authorize(chargePointId, idToken, tokenType);
        } catch (CoreUnavailableException e) {
            LOG.warnf(
                    "core did not decide the token of a transaction at %s, answering by the offline policy: %s",
                    chargePointId, e.getMessage());
            return offlineTokenDecision();
        }
    }

    /**
     * The 2.0.1 charger's transaction id of an open transaction to which core gave {@code
     * transactionId}, as far as this instance saw it start.
     */
    public java.util.Optional<String> chargerTransactionId(String chargePointId, long transactionId) {
        return open.keyOf(chargePointId, transactionId)
                .filter(key -> key.startsWith(V201_KEY))
                .map(key -> key.substring(V201_KEY.length()));
    }

    private Authorization offlineTokenDecision() {
        return new Authorization(
                AuthorizationStatus.fromName(settings.offline().startTransactionStatus()), null, null, true);
    }

    private static List<MeterSample> link(List<MeterSample> samples, OpenTransaction transaction, String chargerId) {
        return samples.stream()
                .map(sample -> sample.withTransaction(
                        transaction.transactionId(), chargerId, transaction.evseId(), transaction.connectorId()))
                .toList();
    }

    /** 1.6 transactions by core's (or the provisional) id, 2.0.1 ones by the charger's id. */
    private static String key(OcppVersion version, Long transactionId, String chargerTransactionId) {
        if (version == OcppVersion.V16) {
            return transactionId == null ? null : V16_KEY + transactionId;
        }
        return chargerTransactionId == null ? null : V201_KEY + chargerTransactionId;
    }
}
