package io.depotops.incidents.application.silence;

import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.NotFoundException;
import io.depotops.incidents.application.incident.Suppressions;
import io.depotops.incidents.application.port.SilenceRepository;
import io.depotops.incidents.domain.label.LabelMatcher;
import io.depotops.incidents.domain.silence.Silence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operators silence incidents by labels for a time window, expire silences early or delete them. */
@ApplicationScoped
public class SilenceService {

    private final SilenceRepository silences;
    private final Clock clock;
    private final Suppressions suppressions;

    SilenceService(SilenceRepository silences, Clock clock, Suppressions suppressions) {
        this.suppressions = suppressions;
        this.silences = silences;
        this.clock = clock;
    }

    /** A silence as asked for: {@code startsAt} defaults to now. */
    public record SilenceDraft(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String comment) {}

    @Transactional
    public Silence create(UUID workspaceId, SilenceDraft draft, String by) {
        Instant now = clock.instant();
        Instant starts = draft.startsAt() != null ? draft.startsAt() : now;
        if (draft.endsAt() != null && !draft.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", "must be in the future");
        }
        Silence silence;
        try {
            silence = new Silence(
                    UUID.randomUUID(), workspaceId, draft.matchers(), starts, draft.endsAt(), by, draft.comment(), now);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.from(e);
        }
        silences.insert(silence);
        suppressions.silenceOpen(silence, now);
        return silence;
    }

    @Transactional
    public List<Silence> list(UUID workspaceId) {
        return silences.list(workspaceId);
    }

    @Transactional
    public Silence get(UUID workspaceId, UUID id) {
        return silences.find(workspaceId, id).orElseThrow(() -> new NotFoundException("silence", id));
    }

    /** Ends the silence's window now; an expired one stays listed. */
    @Transactional
    public Silence expire(UUID workspaceId, UUID id) {
        Silence expired = get(workspaceId, id).expire(clock.instant());
        silences.update(expired);
        return expired;
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        if (!silences.delete(workspaceId, id)) {
            throw new NotFoundException("silence", id);
        }
    }
}
