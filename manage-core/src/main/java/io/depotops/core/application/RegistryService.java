package io.depotops.core.application;

import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.RegistryFeed;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.RegistryEntry;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry feed manage-connect decides admission and authorisation with (ADR 0010): every
 * change of a charger or of a vehicle's id tag is recorded in the feed and announced with {@code
 * core.registry.changed.v1}, in the transaction of the change.
 */
@ApplicationScoped
public class RegistryService {

    static final int MAX_PAGE = 1000;

    private final RegistryFeed feed;
    private final DomainEvents events;

    RegistryService(RegistryFeed feed, DomainEvents events) {
        this.feed = feed;
        this.events = events;
    }

    /** A charger was registered, changed or removed. */
    void chargerChanged(Charger charger) {
        events.registryChanged(
                charger.workspaceId(), feed.chargerChanged(charger.workspaceId(), charger.chargePointId()));
    }

    /** A vehicle was registered, changed or removed: its old and new id tags, where they differ. */
    void vehicleChanged(Vehicle before, Vehicle after) {
        String oldTag = before == null ? null : before.idTag();
        String newTag = after == null ? null : after.idTag();
        if (Objects.equals(oldTag, newTag) && before != null && after != null) {
            return;
        }
        Vehicle any = after != null ? after : before;
        long seq = -1;
        if (oldTag != null) {
            seq = feed.idTokenChanged(any.workspaceId(), oldTag);
        }
        if (newTag != null && !newTag.equals(oldTag)) {
            seq = feed.idTokenChanged(any.workspaceId(), newTag);
        }
        if (seq >= 0) {
            events.registryChanged(any.workspaceId(), seq);
        }
    }

    public RegistryEntry.Slice changesAfter(long seq, int limit) {
        if (seq < 0) {
            throw new InvalidInputException("after", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE);
        }
        return feed.changesAfter(seq, limit);
    }

    public Optional<RegistryEntry> charger(String chargePointId) {
        return feed.charger(chargePointId);
    }

    public Optional<RegistryEntry> idToken(UUID workspaceId, String idToken) {
        return feed.idToken(workspaceId, idToken);
    }
}
