package io.depotops.incidents.domain.silence;

import io.depotops.incidents.domain.label.LabelMatcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An operator's "do not notify me about these": incidents whose labels match every matcher while
 * the window {@code [startsAt, endsAt)} is current still exist and are recorded, but are marked
 * silenced and send no notification. Expiring one ends its window now.
 */
public record Silence(
        UUID id,
        UUID workspaceId,
        List<LabelMatcher> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant createdAt) {

    public Silence {
        if (matchers == null || matchers.isEmpty()) {
            throw new IllegalArgumentException("matchers: at least one (a silence of everything is refused)");
        }
        matchers = List.copyOf(matchers);
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt: must be after startsAt");
        }
    }

    public enum State {
        PENDING,
        ACTIVE,
        EXPIRED
    }

    public State state(Instant now) {
        if (now.isBefore(startsAt)) {
            return State.PENDING;
        }
        return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
    }

    public boolean silences(Map<String, String> labels, Instant now) {
        return state(now) == State.ACTIVE && LabelMatcher.allMatch(matchers, labels);
    }

    /** Ends the window now (a pending silence never becomes active). */
    public Silence expire(Instant now) {
        if (state(now) == State.EXPIRED) {
            return this;
        }
        Instant start = now.isBefore(startsAt) ? now.minusMillis(1) : startsAt;
        return new Silence(id, workspaceId, matchers, start, now, createdBy, comment, createdAt);
    }
}
