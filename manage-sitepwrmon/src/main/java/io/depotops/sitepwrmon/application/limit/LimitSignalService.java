package io.depotops.sitepwrmon.application.limit;

import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.NotFoundException;
import io.depotops.sitepwrmon.application.port.LimitSignalRepository;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.domain.limit.LimitSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * External limit signals (a grid operator's cap for a window): accepted for a node of the
 * workspace, effective from their start for every reading assessed while they are active.
 */
@ApplicationScoped
public class LimitSignalService {

    private static final Duration HORIZON = Duration.ofDays(3653);

    private final LimitSignalRepository signals;
    private final NodeRepository nodes;
    private final Clock clock;

    LimitSignalService(LimitSignalRepository signals, NodeRepository nodes, Clock clock) {
        this.signals = signals;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Transactional
    public LimitSignal create(
            UUID workspaceId,
            UUID nodeId,
            double capKw,
            Instant startsAt,
            Instant endsAt,
            String source,
            String reason) {
        requireNode(workspaceId, nodeId);
        Instant now = clock.instant();
        if (startsAt.isBefore(now.minus(HORIZON)) || endsAt.isAfter(now.plus(HORIZON))) {
            throw new InvalidInputException("endsAt", "a signal's window lies within ten years of now");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new InvalidInputException("endsAt", "the window is over already");
        }
        LimitSignal signal =
                new LimitSignal(UUID.randomUUID(), workspaceId, nodeId, capKw, startsAt, endsAt, source, reason, now);
        signals.insert(signal);
        return signal;
    }

    @Transactional
    public List<LimitSignal> list(UUID workspaceId, UUID nodeId) {
        requireNode(workspaceId, nodeId);
        return signals.list(workspaceId, nodeId, clock.instant());
    }

    @Transactional
    public void delete(UUID workspaceId, UUID nodeId, UUID id) {
        LimitSignal signal = signals.find(workspaceId, id)
                .filter(s -> s.nodeId().equals(nodeId))
                .orElseThrow(() -> new NotFoundException("limit signal", id));
        signals.delete(workspaceId, signal.id());
    }

    private void requireNode(UUID workspaceId, UUID nodeId) {
        if (nodes.find(workspaceId, nodeId).isEmpty()) {
            throw new NotFoundException("node", nodeId);
        }
    }
}
