package io.depotops.core.application;

import io.depotops.core.application.CoreLinkService.Authorization;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.ProcessedMessages;
import io.depotops.core.application.port.TransactionRepository;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Charging transactions: started on the charger's request (through the core link, which waits for
 * the id), then updated and ended by the facts connect publishes. Every step is idempotent: a
 * retried start finds the first one, a redelivered fact is applied once, a late reading changes
 * nothing. A transaction connect started while core was unreachable (provisional id) is adopted
 * with its id when its first fact arrives.
 */
@ApplicationScoped
public class TransactionService {

    /** The answer to a start: the id the charger uses from now on, and its token's status. */
    public record Started(long transactionId, Authorization authorization) {}

    /** A transaction fact from connect, in core's terms. */
    public record TransactionFact(
            String chargePointId,
            Stage stage,
            Long transactionId,
            String chargerTransactionId,
            boolean provisional,
            int evseId,
            int connectorId,
            String idToken,
            Long meterWh,
            Instant at,
            String stopReason) {}

    public enum Stage {
        STARTED,
        UPDATED,
        ENDED
    }

    private static final Logger LOG = Logger.getLogger(TransactionService.class);
    private static final String CONSUMER = "core.transactions";

    private final TransactionRepository transactions;
    private final ChargerRepository chargers;
    private final CoreLinkService coreLink;
    private final ProcessedMessages processed;
    private final DomainEvents events;

    TransactionService(
            TransactionRepository transactions,
            ChargerRepository chargers,
            CoreLinkService coreLink,
            ProcessedMessages processed,
            DomainEvents events) {
        this.transactions = transactions;
        this.chargers = chargers;
        this.coreLink = coreLink;
        this.processed = processed;
        this.events = events;
    }

    @Transactional
    public Started start(
            String chargePointId,
            int evseId,
            int connectorId,
            String idToken,
            long meterStartWh,
            Instant startedAt,
            String chargerTransactionId) {
        Charger charger = chargers.findByChargePointId(chargePointId)
                .orElseThrow(() -> new InvalidInputException("chargePointId", "is not a registered charger"));
        Optional<ChargingTransaction> existing = chargerTransactionId != null
                ? transactions.findByChargerTransactionId(charger.id(), chargerTransactionId)
                : transactions.findStart(charger.id(), evseId, connectorId, startedAt);
        if (existing.isPresent()) {
            ChargingTransaction known = existing.get();
            return new Started(
                    known.id(),
                    new Authorization(
                            known.authorizationStatus(),
                            known.vehicleId() == null ? null : known.vehicleId().toString()));
        }
        Authorization authorization =
                idToken == null ? new Authorization("Accepted", null) : coreLink.authorize(chargePointId, idToken);
        ChargingTransaction started = transactions.insert(new ChargingTransaction(
                transactions.nextId(),
                charger.workspaceId(),
                charger.id(),
                chargePointId,
                evseId,
                connectorId,
                chargerTransactionId,
                idToken,
                authorization.vehicleId() == null ? null : UUID.fromString(authorization.vehicleId()),
                authorization.status(),
                true,
                startedAt,
                null,
                meterStartWh,
                null,
                null,
                null,
                null,
                false,
                0));
        events.transactionStarted(started);
        return new Started(started.id(), authorization);
    }

    /** Applies a Started, Updated or Ended fact once; unknown chargers are ignored. */
    @Transactional
    public void apply(String messageId, TransactionFact fact) {
        if (!processed.firstTime(CONSUMER, messageId)) {
            return;
        }
        Optional<Charger> charger = chargers.findByChargePointId(fact.chargePointId());
        if (charger.isEmpty()) {
            LOG.debugf("transaction fact of unknown charger %s ignored", fact.chargePointId());
            return;
        }
        ChargingTransaction transaction = locate(charger.get(), fact.transactionId(), fact.chargerTransactionId())
                .orElseGet(() -> adopt(charger.get(), fact));
        ChargingTransaction updated = transaction;
        if (fact.meterWh() != null && fact.stage() != Stage.STARTED) {
            updated = updated.metered(fact.meterWh(), fact.at());
        }
        if (fact.stage() == Stage.ENDED) {
            updated = updated.ended(fact.at(), fact.meterWh(), fact.stopReason());
        }
        if (updated != transaction) {
            ChargingTransaction stored = transactions.update(updated);
            if (transaction.active() && !stored.active()) {
                events.transactionEnded(stored);
            }
        }
    }

    /** A meter reading of a transaction; readings of unknown transactions are ignored. */
    @Transactional
    public void metered(
            String messageId,
            String chargePointId,
            Long transactionId,
            String chargerTransactionId,
            long wh,
            Instant at) {
        if (!processed.firstTime(CONSUMER, messageId)) {
            return;
        }
        chargers.findByChargePointId(chargePointId)
                .flatMap(charger -> locate(charger, transactionId, chargerTransactionId))
                .ifPresent(transaction -> {
                    ChargingTransaction updated = transaction.metered(wh, at);
                    if (updated != transaction) {
                        transactions.update(updated);
                    }
                });
    }

    public ChargingTransaction get(UUID workspaceId, long id) {
        return transactions.find(workspaceId, id).orElseThrow(() -> new NotFoundException("transaction", id));
    }

    public Page<ChargingTransaction> list(UUID workspaceId, ListQuery query) {
        return transactions.list(workspaceId, query);
    }

    private Optional<ChargingTransaction> locate(Charger charger, Long transactionId, String chargerTransactionId) {
        if (transactionId != null) {
            Optional<ChargingTransaction> byId =
                    transactions.find(transactionId).filter(t -> t.chargerId().equals(charger.id()));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return chargerTransactionId == null
                ? Optional.empty()
                : transactions.findByChargerTransactionId(charger.id(), chargerTransactionId);
    }

    /**
     * A transaction core has no record of: started while core was unreachable (connect's
     * provisional id), or whose start was lost. Recorded from what the fact says.
     */
    private ChargingTransaction adopt(Charger charger, TransactionFact fact) {
        long id = fact.transactionId() != null ? fact.transactionId() : transactions.nextId();
        Authorization authorization = fact.idToken() == null
                ? new Authorization("Accepted", null)
                : coreLink.authorize(fact.chargePointId(), fact.idToken());
        ChargingTransaction adopted = transactions.insert(new ChargingTransaction(
                id,
                charger.workspaceId(),
                charger.id(),
                fact.chargePointId(),
                fact.evseId(),
                fact.connectorId(),
                fact.chargerTransactionId(),
                fact.idToken(),
                authorization.vehicleId() == null ? null : UUID.fromString(authorization.vehicleId()),
                authorization.status(),
                true,
                fact.at(),
                null,
                fact.stage() == Stage.STARTED && fact.meterWh() != null ? fact.meterWh() : 0,
                null,
                null,
                null,
                null,
                fact.provisional(),
                0));
        events.transactionStarted(adopted);
        return adopted;
    }
}
