package io.depotops.core.domain.load;

import java.time.Instant;

/** Whether a newly allocated limit is worth a command to the charger (see {@link LoadPolicy}). */
public final class LimitChange {

    private LimitChange() {}

    /**
     * @param lastSentKw the limit last sent to this EVSE, null when none was
     * @param lastSentAt when it was sent
     */
    public static boolean worthSending(
            Double lastSentKw, Instant lastSentAt, double allocatedKw, Instant now, LoadPolicy policy) {
        if (lastSentKw == null) {
            return true;
        }
        double change = allocatedKw - lastSentKw;
        if (change < -TreeAllocator.EPSILON - 0.01) {
            return true; // lower: at once, so the limits in force never sum above the headroom
        }
        return change > policy.hysteresisKw() && !now.isBefore(lastSentAt.plus(policy.minCommandInterval()));
    }
}
