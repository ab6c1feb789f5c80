package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.ListQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.HashMap;
import java.util.Map;

/** Paging and sorting query parameters every list accepts. */
public class ListParams {

    @QueryParam("cursor")
    public String cursor;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(ListQuery.MAX_LIMIT)
    public int limit;

    /** A sortable field, {@code -field} for descending; default {@code createdAt}. */
    @QueryParam("sort")
    public String sort;

    ListQuery toQuery(Map<String, String> filters) {
        Map<String, String> present = new HashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                present.put(name, value);
            }
        });
        return new ListQuery(present, sort, cursor, limit);
    }
}
