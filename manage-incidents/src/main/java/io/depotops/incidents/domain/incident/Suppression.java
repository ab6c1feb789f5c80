package io.depotops.incidents.domain.incident;

import java.util.List;
import java.util.UUID;

/**
 * Why an incident sends no notification though it exists: the silences that match it, or the
 * active incident that inhibits it. Decided when it opens and again before each notification.
 */
public record Suppression(List<UUID> silencedBy, UUID inhibitedBy) {

    public static final Suppression NONE = new Suppression(List.of(), null);

    public Suppression {
        silencedBy = silencedBy == null ? List.of() : List.copyOf(silencedBy);
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }

    public boolean inhibited() {
        return inhibitedBy != null;
    }

    public boolean suppressed() {
        return silenced() || inhibited();
    }
}
