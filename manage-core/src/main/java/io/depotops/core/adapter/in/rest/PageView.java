package io.depotops.core.adapter.in.rest;

import io.depotops.core.domain.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list; pass {@code nextCursor} as {@code cursor} to get the next one. */
public record PageView<V>(List<V> items, String nextCursor) {

    static <T, V> PageView<V> of(Page<T> page, Function<T, V> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}
