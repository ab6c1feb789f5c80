package io.depotops.core.application;

import io.depotops.core.application.chart.MeterSamples;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.ProcessedMessages;
import io.depotops.core.application.port.TransactionRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Charging transactions, recorded from the facts connect publishes (ADR 0010): connect gives a
 * transaction its id and decides its token when it starts; core records it under that id with the
 * vehicle of its token when the first fact arrives, then updates and ends it. Every step is
 * idempotent: a redelivered fact is applied once, a late reading changes nothing.
 */
@ApplicationScoped
public class TransactionService {

    /** A transaction fact from connect, in core's terms. */
    public record TransactionFact(
            String chargePointId,
            Stage stage,
            Long transactionId,
            String chargerTransactionId,
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
    private final VehicleRepository vehicles;
    private final ProcessedMessages processed;
    private final DomainEvents events;
    private final MeterSamples samples;

    TransactionService(
            TransactionRepository transactions,
            ChargerRepository chargers,
            VehicleRepository vehicles,
            ProcessedMessages processed,
            DomainEvents events,
            MeterSamples samples) {
        this.transactions = transactions;
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.processed = processed;
        this.events = events;
        this.samples = samples;
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
                .orElseGet(() -> record(charger.get(), fact));
        ChargingTransaction updated = transaction;
        if (fact.meterWh() != null && fact.stage() != Stage.STARTED) {
            updated = updated.metered(fact.meterWh(), fact.at());
            samples.record(transaction.id(), fact.at(), fact.meterWh(), null);
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

    /** A meter reading from connect: a transaction's energy register, its power, or both. */
    public record MeterReading(
            String messageId,
            String chargePointId,
            Long transactionId,
            String chargerTransactionId,
            Long wh,
            Double powerW,
            Instant at) {}

    /** One meter reading (see {@link #meteredAll}). */
    @Transactional
    public void metered(
            String messageId,
            String chargePointId,
            Long transactionId,
            String chargerTransactionId,
            Long wh,
            Double powerW,
            Instant at) {
        meteredAll(List.of(
                new MeterReading(messageId, chargePointId, transactionId, chargerTransactionId, wh, powerW, at)));
    }

    /**
     * A batch of meter readings, each applied once: kept as samples for the charts with one
     * set-based write (ADR 0007), and each transaction's newest register reading stored on it once.
     * Readings of unknown transactions are ignored.
     */
    @Transactional
    public void meteredAll(List<MeterReading> readings) {
        Set<String> firstTime = new HashSet<>(processed.firstTimeAll(
                CONSUMER, readings.stream().map(MeterReading::messageId).toList()));
        Map<String, Optional<Charger>> chargersById = new HashMap<>();
        Map<List<Object>, Optional<ChargingTransaction>> located = new HashMap<>();
        Map<Long, ChargingTransaction> stored = new LinkedHashMap<>();
        Map<Long, ChargingTransaction> updated = new LinkedHashMap<>();
        List<MeterSamples.Reading> batch = new ArrayList<>();
        for (MeterReading reading : readings) {
            if (!firstTime.remove(reading.messageId())) {
                continue;
            }
            Optional<ChargingTransaction> transaction = located.computeIfAbsent(
                    Arrays.asList(reading.chargePointId(), reading.transactionId(), reading.chargerTransactionId()),
                    key -> chargersById
                            .computeIfAbsent(reading.chargePointId(), chargers::findByChargePointId)
                            .flatMap(charger ->
                                    locate(charger, reading.transactionId(), reading.chargerTransactionId())));
            if (transaction.isEmpty()) {
                continue;
            }
            long id = transaction.get().id();
            batch.add(new MeterSamples.Reading(id, reading.at(), reading.wh(), reading.powerW()));
            if (reading.wh() != null) {
                stored.putIfAbsent(id, transaction.get());
                updated.put(id, updated.getOrDefault(id, transaction.get()).metered(reading.wh(), reading.at()));
            }
        }
        samples.recordAll(batch);
        updated.forEach((id, transaction) -> {
            if (transaction != stored.get(id)) {
                transactions.update(transaction);
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
     * A transaction core has no record of yet: recorded from what the fact says, under the id
     * connect gave it (a fact without one, whose start connect never saw, gets an id here), with the
     * vehicle whose id tag started it.
     */
    private ChargingTransaction record(Charger charger, TransactionFact fact) {
        long id = fact.transactionId() != null ? fact.transactionId() : transactions.nextId();
        Optional<Vehicle> vehicle =
                fact.idToken() == null ? Optional.empty() : vehicles.findByIdTag(charger.workspaceId(), fact.idToken());
        String status = fact.idToken() == null || vehicle.isPresent() ? "Accepted" : "Invalid";
        ChargingTransaction recorded = transactions.insert(new ChargingTransaction(
                id,
                charger.workspaceId(),
                charger.id(),
                fact.chargePointId(),
                fact.evseId(),
                fact.connectorId(),
                fact.chargerTransactionId(),
                fact.idToken(),
                vehicle.map(Vehicle::id).orElse(null),
                status,
                true,
                fact.at(),
                null,
                fact.stage() == Stage.STARTED && fact.meterWh() != null ? fact.meterWh() : 0,
                null,
                null,
                null,
                null,
                0));
        events.transactionStarted(recorded);
        return recorded;
    }
}
