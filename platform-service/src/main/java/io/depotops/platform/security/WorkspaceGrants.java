package io.depotops.platform.security;

import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The workspaces a user's token lets them see: its {@value #CLAIM} claim, a list of workspace ids,
 * or {@value #ALL} for a platform operator. Every service checks it at every door; another
 * workspace's data answers 404, exactly as if it did not exist, so ids cannot be probed.
 */
public final class WorkspaceGrants {

    public static final String CLAIM = "workspaces";
    public static final String ALL = "*";

    private final Set<String> granted;

    private WorkspaceGrants(Set<String> granted) {
        this.granted = granted;
    }

    /** The grants of a token; none when it has no such claim. */
    public static WorkspaceGrants of(JsonWebToken token) {
        Object claim = token == null ? null : token.getClaim(CLAIM);
        if (claim instanceof Collection<?> values) {
            return new WorkspaceGrants(
                    values.stream().map(WorkspaceGrants::text).collect(Collectors.toSet()));
        }
        return new WorkspaceGrants(claim == null ? Set.of() : Set.of(text(claim)));
    }

    public boolean allowsAll() {
        return granted.contains(ALL);
    }

    public boolean allows(UUID workspaceId) {
        return workspaceId != null && (allowsAll() || granted.contains(workspaceId.toString()));
    }

    /** The workspace ids granted by name (not {@value #ALL}); malformed ones are ignored. */
    public Set<UUID> ids() {
        return granted.stream()
                .filter(id -> !ALL.equals(id))
                .flatMap(id -> {
                    try {
                        return Stream.of(UUID.fromString(id));
                    } catch (IllegalArgumentException e) {
                        return Stream.empty();
                    }
                })
                .collect(Collectors.toSet());
    }

    // JSON string claims may arrive as jakarta.json.JsonString, whose toString() keeps the quotes.
    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
