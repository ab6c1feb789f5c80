package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.ListQuery;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.port.TransactionRepository;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Page;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class TransactionRepositoryAdapter implements TransactionRepository {

    private final KeysetPager<ChargingTransactionEntity, ChargingTransaction> pager = new KeysetPager<>(
            ChargingTransactionEntity.class,
            Map.of("startedAt", Field.instant("startedAt")),
            Map.of(
                    "chargerId", Field.uuid("chargerId"),
                    "vehicleId", Field.uuid("vehicleId"),
                    "status", Field.text("status")),
            e -> Map.of("startedAt", e.startedAt),
            e -> e.id,
            Long::valueOf,
            TransactionRepositoryAdapter::toDomain);

    @Override
    public long nextId() {
        return ((Number) Panache.getEntityManager()
                        .createNativeQuery("select nextval('charging_transaction_id_seq')")
                        .getSingleResult())
                .longValue();
    }

    @Override
    public ChargingTransaction insert(ChargingTransaction transaction) {
        ChargingTransactionEntity entity = new ChargingTransactionEntity();
        entity.id = transaction.id();
        entity.workspaceId = transaction.workspaceId();
        entity.chargerId = transaction.chargerId();
        entity.chargePointId = transaction.chargePointId();
        entity.evseId = transaction.evseId();
        entity.connectorId = transaction.connectorId();
        entity.startedAt = transaction.startedAt().truncatedTo(ChronoUnit.MICROS);
        copy(transaction, entity);
        entity.persistAndFlush();
        return toDomain(entity);
    }

    @Override
    public ChargingTransaction update(ChargingTransaction transaction) {
        ChargingTransactionEntity entity = ChargingTransactionEntity.findById(transaction.id());
        if (entity == null || entity.version != transaction.version()) {
            throw new StaleVersionException("transaction", entity == null ? -1 : entity.version);
        }
        copy(transaction, entity);
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException("transaction", -1);
        }
        return toDomain(entity);
    }

    @Override
    public Optional<ChargingTransaction> find(long id) {
        return ChargingTransactionEntity.<ChargingTransactionEntity>findByIdOptional(id)
                .map(TransactionRepositoryAdapter::toDomain);
    }

    @Override
    public Optional<ChargingTransaction> find(UUID workspaceId, long id) {
        return find(id).filter(t -> t.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<ChargingTransaction> findByChargerTransactionId(UUID chargerId, String chargerTransactionId) {
        return ChargingTransactionEntity.<ChargingTransactionEntity>find(
                        "chargerId = ?1 and chargerTransactionId = ?2", chargerId, chargerTransactionId)
                .firstResultOptional()
                .map(TransactionRepositoryAdapter::toDomain);
    }

    @Override
    public Page<ChargingTransaction> list(UUID workspaceId, ListQuery query) {
        return pager.page(Panache.getEntityManager(), workspaceId, query);
    }

    private static void copy(ChargingTransaction from, ChargingTransactionEntity to) {
        to.chargerTransactionId = from.chargerTransactionId();
        to.idToken = from.idToken();
        to.vehicleId = from.vehicleId();
        to.authorizationStatus = from.authorizationStatus();
        to.status = from.active() ? "Active" : "Ended";
        to.endedAt = from.endedAt();
        to.meterStartWh = from.meterStartWh();
        to.meterLastWh = from.meterLastWh();
        to.meterLastAt = from.meterLastAt();
        to.meterStopWh = from.meterStopWh();
        to.stopReason = from.stopReason();
    }

    private static ChargingTransaction toDomain(ChargingTransactionEntity e) {
        return new ChargingTransaction(
                e.id,
                e.workspaceId,
                e.chargerId,
                e.chargePointId,
                e.evseId,
                e.connectorId,
                e.chargerTransactionId,
                e.idToken,
                e.vehicleId,
                e.authorizationStatus,
                "Active".equals(e.status),
                e.startedAt,
                e.endedAt,
                e.meterStartWh,
                e.meterLastWh,
                e.meterLastAt,
                e.meterStopWh,
                e.stopReason,
                e.version);
    }
}
