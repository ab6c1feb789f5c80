package io.depotops.connect.application.transaction;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the transactions a charger started and has not ended, shared by connect's instances and
 * kept across restarts. Keys: {@code 1.6:<transactionId>} or {@code 2.0.1:<charger's id>}.
 */
public interface OpenTransactions {

    /** What connect knows of an open transaction. */
    record OpenTransaction(Long transactionId, Integer evseId, int connectorId) {}

    void remember(String chargePointId, String key, OpenTransaction transaction);

    Optional<OpenTransaction> recall(String chargePointId, String key);

    void forget(String chargePointId, String key);

    /** Forgets the transactions that started before {@code cutoff}; returns how many. */
    int forgetStartedBefore(Instant cutoff);

    /** The key of the open transaction that has {@code transactionId}. */
    Optional<String> keyOf(String chargePointId, long transactionId);
}
