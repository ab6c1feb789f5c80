package io.depotops.contracts.corelink;

/** The transaction id core allocated (the integer OCPP 1.6 needs) and the token's status. */
public record TransactionStartDecision(long transactionId, AuthorizeDecision authorization) {}
