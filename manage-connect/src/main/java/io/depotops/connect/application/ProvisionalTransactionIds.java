package io.depotops.connect.application;

/**
 * Port: transaction ids connect allocates itself when core cannot be asked (OCPP 1.6 offline
 * policy), at or above {@link io.depotops.connect.domain.TransactionStartOutcome#PROVISIONAL_ID_FLOOR}
 * so they never collide with core's, unique across restarts and instances.
 */
public interface ProvisionalTransactionIds {

    long next();
}
