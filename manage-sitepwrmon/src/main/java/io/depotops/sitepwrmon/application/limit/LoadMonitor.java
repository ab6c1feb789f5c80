package io.depotops.sitepwrmon.application.limit;

import io.depotops.sitepwrmon.application.port.LimitSignalRepository;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.application.port.PowerEvents;
import io.depotops.sitepwrmon.application.port.ReadingStore;
import io.depotops.sitepwrmon.domain.limit.LimitSignal;
import io.depotops.sitepwrmon.domain.limit.LoadAssessment;
import io.depotops.sitepwrmon.domain.reading.LimitState;
import io.depotops.sitepwrmon.domain.reading.NodeLive;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Assesses each node whose live value moved ({@link LoadAssessment}) in the ingest's transaction:
 * a {@code node-load} event at most once per {@code load-event-interval} per node, and a {@code
 * limit-approaching} or {@code limit-exceeded} event when the node's limit state rises into it (not
 * on every reading while it stays there).
 */
@ApplicationScoped
public class LoadMonitor {

    private final NodeRepository nodes;
    private final LimitSignalRepository signals;
    private final ReadingStore store;
    private final PowerEvents events;
    private final double warnAt;
    private final Duration loadEventInterval;

    LoadMonitor(
            NodeRepository nodes,
            LimitSignalRepository signals,
            ReadingStore store,
            PowerEvents events,
            @ConfigProperty(name = "depotops.sitepwrmon.limits.warn-at", defaultValue = "0.9") double warnAt,
            @ConfigProperty(name = "depotops.sitepwrmon.events.load-interval", defaultValue = "PT1S")
                    Duration loadEventInterval) {
        this.nodes = nodes;
        this.signals = signals;
        this.store = store;
        this.events = events;
        this.warnAt = warnAt;
        this.loadEventInterval = loadEventInterval;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void assess(List<NodeLive> advanced, Instant now) {
        if (advanced.isEmpty()) {
            return;
        }
        List<UUID> ids = advanced.stream().map(live -> live.reading().nodeId()).toList();
        Map<UUID, PowerNode> byId =
                nodes.findAll(ids).stream().collect(Collectors.toMap(PowerNode::id, Function.identity()));
        Map<UUID, LimitSignal> active = signals.lowestActive(ids, now);
        for (NodeLive live : advanced) {
            PowerNode node = byId.get(live.reading().nodeId());
            if (node == null) {
                continue;
            }
            LoadAssessment assessment = LoadAssessment.of(node, live.reading(), active.get(node.id()), warnAt);
            LimitState previous = live.state();
            if (previous != assessment.state()) {
                store.limitState(node.id(), assessment.state());
            }
            if (assessment.state() == LimitState.EXCEEDED && previous != LimitState.EXCEEDED) {
                events.limitExceeded(node, live.reading(), assessment);
            } else if (assessment.state() == LimitState.APPROACHING && previous == LimitState.NORMAL) {
                events.limitApproaching(node, live.reading(), assessment);
            }
            if (store.claimLoadEvent(node.id(), now, loadEventInterval)) {
                events.nodeLoad(node, live.reading(), assessment);
            }
        }
    }
}
