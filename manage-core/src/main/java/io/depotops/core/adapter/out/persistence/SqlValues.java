package io.depotops.core.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows in the types the application uses, whatever JDBC type the driver chose. */
public final class SqlValues {

    private SqlValues() {}

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass());
        };
    }

    /** A row value as it should appear in a file: timestamps as ISO-8601 instants, the rest as is. */
    public static Object plain(Object value) {
        return value instanceof OffsetDateTime || value instanceof Timestamp ? instant(value) : value;
    }
}
