package io.depotops.connect.application.transaction;

/**
 * Port: the ids connect gives the transactions chargers start (ADR 0010), unique across restarts
 * and instances, and within OCPP 1.6's 32-bit integer.
 */
public interface TransactionIds {

    long next();
}
