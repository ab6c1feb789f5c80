package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.ListQuery;
import io.depotops.core.domain.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lists a workspace's resources a page at a time with keyset (cursor) pagination: stable under
 * inserts and as fast on page 1,000 as on page 1. Sorting is on one whitelisted non-null field, with
 * the id as tie-breaker; the cursor carries the last row's sort value and id.
 */
final class KeysetPager<E, T> {

    /** A field clients may sort or filter on: its JPQL path and how its values are read. */
    record Field(String path, Function<String, Object> parser) {

        static Field text(String path) {
            return new Field(path, value -> value);
        }

        static Field instant(String path) {
            return new Field(path, Instant::parse);
        }

        static Field decimal(String path) {
            return new Field(path, BigDecimal::new);
        }

        static Field uuid(String path) {
            return new Field(path, UUID::fromString);
        }
    }

    private final Class<E> entity;
    private final Map<String, Field> sortable;
    private final Map<String, Field> filterable;
    private final Function<E, Map<String, Object>> sortValuesOf;
    private final Function<E, Object> idOf;
    private final Function<String, Object> idParser;
    private final Function<E, T> toDomain;

    /**
     * @param sortValuesOf a row's value of each sortable field, by the field's API name
     */
    KeysetPager(
            Class<E> entity,
            Map<String, Field> sortable,
            Map<String, Field> filterable,
            Function<E, Map<String, Object>> sortValuesOf,
            Function<E, UUID> idOf,
            Function<E, T> toDomain) {
        this(entity, sortable, filterable, sortValuesOf, idOf::apply, UUID::fromString, toDomain);
    }

    /** For entities whose id is not a UUID: {@code idParser} reads it back from a cursor. */
    KeysetPager(
            Class<E> entity,
            Map<String, Field> sortable,
            Map<String, Field> filterable,
            Function<E, Map<String, Object>> sortValuesOf,
            Function<E, Object> idOf,
            Function<String, Object> idParser,
            Function<E, T> toDomain) {
        this.entity = entity;
        this.sortable = sortable;
        this.filterable = filterable;
        this.sortValuesOf = sortValuesOf;
        this.idOf = idOf;
        this.idParser = idParser;
        this.toDomain = toDomain;
    }

    Page<T> page(EntityManager em, UUID workspaceId, ListQuery query) {
        Field sort = sortable.get(query.sortField());
        if (sort == null) {
            throw new InvalidInputException("sort", "must be one of " + sortable.keySet() + ", optionally with -");
        }
        StringBuilder jpql = new StringBuilder("from ")
                .append(entity.getSimpleName())
                .append(" e where e.workspaceId = :workspaceId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("workspaceId", workspaceId);
        int i = 0;
        for (Map.Entry<String, String> filter : query.filters().entrySet()) {
            Field field = filterable.get(filter.getKey());
            if (field == null) {
                throw new InvalidInputException(filter.getKey(), "cannot be filtered on");
            }
            String name = "f" + i++;
            jpql.append(" and e.").append(field.path()).append(" = :").append(name);
            parameters.put(name, parse(filter.getKey(), field, filter.getValue()));
        }
        String comparison = query.descending() ? "<" : ">";
        if (query.cursor() != null) {
            Cursor cursor = Cursor.decode(query.cursor(), query.sort());
            jpql.append(" and (e.%1$s %2$s :cursorValue or (e.%1$s = :cursorValue and e.id %2$s :cursorId))"
                    .formatted(sort.path(), comparison));
            parameters.put("cursorValue", parse("cursor", sort, cursor.value()));
            parameters.put("cursorId", parse("cursor", new Field("id", idParser), cursor.id()));
        }
        String direction = query.descending() ? " desc" : " asc";
        jpql.append(" order by e.")
                .append(sort.path())
                .append(direction)
                .append(", e.id")
                .append(direction);
        TypedQuery<E> typed = em.createQuery(jpql.toString(), entity);
        parameters.forEach(typed::setParameter);
        List<E> rows = typed.setMaxResults(query.limit() + 1).getResultList();
        boolean more = rows.size() > query.limit();
        List<E> pageRows = more ? rows.subList(0, query.limit()) : rows;
        String next = null;
        if (more) {
            E last = pageRows.getLast();
            Object value = sortValuesOf.apply(last).get(query.sortField());
            next = new Cursor(query.sort(), String.valueOf(value), String.valueOf(idOf.apply(last))).encode();
        }
        return new Page<>(pageRows.stream().map(toDomain).toList(), next);
    }

    private static Object parse(String name, Field field, String value) {
        try {
            return field.parser().apply(value);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name, "has an unreadable value");
        }
    }

    /** The position after the last row of a page, opaque to clients. */
    record Cursor(String sort, String value, String id) {

        String encode() {
            String raw = sort + "\n" + value + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded, String expectedSort) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", 3);
                if (parts.length != 3 || !parts[0].equals(expectedSort)) {
                    throw new IllegalArgumentException("cursor of another sort");
                }
                return new Cursor(parts[0], parts[1], parts[2]);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a cursor of this list and sort");
            }
        }
    }
}
