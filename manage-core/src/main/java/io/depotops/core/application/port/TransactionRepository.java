package io.depotops.core.application.port;

import io.depotops.core.application.ListQuery;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Page;
import java.util.Optional;
import java.util.UUID;

public interface TransactionRepository {

    /** A new id below 2^30 (the range manage-connect never uses). */
    long nextId();

    ChargingTransaction insert(ChargingTransaction transaction);

    ChargingTransaction update(ChargingTransaction transaction);

    Optional<ChargingTransaction> find(long id);

    Optional<ChargingTransaction> find(UUID workspaceId, long id);

    Optional<ChargingTransaction> findByChargerTransactionId(UUID chargerId, String chargerTransactionId);

    Page<ChargingTransaction> list(UUID workspaceId, ListQuery query);
}
