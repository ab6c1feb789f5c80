package io.depotops.core.adapter.in.rest;

import io.depotops.core.domain.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a list; pass {@code nextCursor} as {@code cursor} to get the next one. It is null on
 * the last page.
 */
public record PageView<V>(
        List<V> items,

        @Schema(nullable = true, description = "null on the last page")
        String nextCursor) {

    static <T, V> PageView<V> of(Page<T> page, Function<T, V> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}
