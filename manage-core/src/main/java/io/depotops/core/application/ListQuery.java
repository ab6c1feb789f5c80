package io.depotops.core.application;

import java.util.Map;

/**
 * A list request: filters by field, one sort field (prefixed with {@code -} for descending), an
 * opaque cursor from the previous page, and a page size.
 */
public record ListQuery(Map<String, String> filters, String sort, String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ListQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null || sort.isBlank() ? "createdAt" : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public boolean descending() {
        return sort.startsWith("-");
    }

    public String sortField() {
        return descending() ? sort.substring(1) : sort;
    }
}
