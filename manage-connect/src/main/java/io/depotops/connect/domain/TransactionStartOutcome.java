package io.depotops.connect.domain;

/**
 * What connect answers a transaction start with: the id it allocated (unique across connect's
 * instances; core records the transaction under it) and the decision on the token.
 */
public record TransactionStartOutcome(long transactionId, Authorization authorization) {}
