package io.depotops.connect.domain;

/**
 * What connect answers a transaction start with. {@code transactionId} is core's id, or, when core
 * did not answer in time ({@code provisional}), one connect allocated itself for OCPP 1.6 (at or
 * above {@link #PROVISIONAL_ID_FLOOR}) or null for 2.0.1, whose charger names the transaction.
 */
public record TransactionStartOutcome(Long transactionId, Authorization authorization, boolean provisional) {

    /** Provisional ids start at 2^30; core's ids stay below. */
    public static final long PROVISIONAL_ID_FLOOR = 1L << 30;

    public static boolean isProvisionalId(Long transactionId) {
        return transactionId != null && transactionId >= PROVISIONAL_ID_FLOOR;
    }
}
