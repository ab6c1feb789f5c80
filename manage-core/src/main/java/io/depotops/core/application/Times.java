package io.depotops.core.application;

import java.time.Instant;

/** Instants a request may name: within years 1970-9999, which every store and key format holds. */
public final class Times {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Times() {}

    public static Instant requireStorable(String field, Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidInputException(field, "must lie between 1970 and 9999");
        }
        return value;
    }
}
