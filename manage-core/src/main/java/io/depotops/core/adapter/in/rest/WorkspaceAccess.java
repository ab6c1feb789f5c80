package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which workspaces the caller's token lets them see: the {@value #CLAIM} claim, a list of workspace
 * ids, or {@code "*"} for a platform operator. Another workspace's data answers 404, exactly as if
 * it did not exist, so ids cannot be probed.
 */
@RequestScoped
class WorkspaceAccess {

    static final String CLAIM = "workspaces";
    private static final String ALL = "*";

    private final JsonWebToken token;

    WorkspaceAccess(JsonWebToken token) {
        this.token = token;
    }

    UUID require(UUID workspaceId) {
        if (!allows(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return workspaceId;
    }

    boolean allows(UUID workspaceId) {
        Set<String> granted = granted();
        return granted.contains(ALL) || granted.contains(workspaceId.toString());
    }

    boolean allowsAll() {
        return granted().contains(ALL);
    }

    Set<UUID> grantedIds() {
        return granted().stream()
                .filter(id -> !ALL.equals(id))
                .flatMap(id -> {
                    try {
                        return java.util.stream.Stream.of(UUID.fromString(id));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .collect(Collectors.toSet());
    }

    private Set<String> granted() {
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(WorkspaceAccess::text).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    // JSON string claims may arrive as jakarta.json.JsonString, whose toString() keeps the quotes.
    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : String.valueOf(value);
    }
}
