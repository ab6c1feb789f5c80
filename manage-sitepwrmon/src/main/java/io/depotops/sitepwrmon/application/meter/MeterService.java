package io.depotops.sitepwrmon.application.meter;

import io.depotops.sitepwrmon.application.ConflictException;
import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.InvalidInputException.FieldProblem;
import io.depotops.sitepwrmon.application.NotFoundException;
import io.depotops.sitepwrmon.application.StaleVersionException;
import io.depotops.sitepwrmon.application.port.MeterRepository;
import io.depotops.sitepwrmon.application.port.MeterRepository.DuplicateException;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.application.port.PowerEvents;
import io.depotops.sitepwrmon.application.port.RegisterMaps;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The meters of a workspace (one per node at most), their status, and the silence check. */
@ApplicationScoped
public class MeterService {

    private final MeterRepository meters;
    private final NodeRepository nodes;
    private final RegisterMaps maps;
    private final PowerEvents events;
    private final Clock clock;

    MeterService(MeterRepository meters, NodeRepository nodes, RegisterMaps maps, PowerEvents events, Clock clock) {
        this.meters = meters;
        this.nodes = nodes;
        this.maps = maps;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Meter create(UUID workspaceId, String meterId, MeterDraft draft) {
        check(workspaceId, draft);
        Instant now = clock.instant();
        Meter meter = new Meter(
                workspaceId,
                meterId,
                draft.nodeId(),
                draft.protocol(),
                draft.modbus(),
                draft.silentAfterSeconds(),
                null,
                null,
                null,
                null,
                now,
                now,
                1);
        try {
            meters.insert(meter);
        } catch (DuplicateException e) {
            throw conflict(e, meterId);
        }
        return meter;
    }

    @Transactional
    public Meter get(UUID workspaceId, String meterId) {
        return meters.find(workspaceId, meterId).orElseThrow(() -> new NotFoundException("meter", meterId));
    }

    @Transactional
    public Page<Meter> list(UUID workspaceId, String cursor, int limit) {
        return meters.list(workspaceId, cursor, limit);
    }

    @Transactional
    public Meter update(UUID workspaceId, String meterId, long expectedVersion, MeterDraft draft) {
        Meter current = get(workspaceId, meterId);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("meter", current.version());
        }
        check(workspaceId, draft);
        Meter next = new Meter(
                workspaceId,
                meterId,
                draft.nodeId(),
                draft.protocol(),
                draft.modbus(),
                draft.silentAfterSeconds(),
                current.lastSeenAt(),
                current.silentSince(),
                current.fault(),
                current.faultAt(),
                current.createdAt(),
                clock.instant(),
                current.version() + 1);
        try {
            if (!meters.update(next, expectedVersion)) {
                throw new StaleVersionException(
                        "meter", get(workspaceId, meterId).version());
            }
        } catch (DuplicateException e) {
            throw conflict(e, meterId);
        }
        return next;
    }

    @Transactional
    public void delete(UUID workspaceId, String meterId, long expectedVersion) {
        Meter current = get(workspaceId, meterId);
        if (current.version() != expectedVersion || !meters.delete(workspaceId, meterId, expectedVersion)) {
            throw new StaleVersionException("meter", current.version());
        }
    }

    /** Marks the meters that sent nothing for their threshold as silent, each with one event. */
    @Transactional
    public List<Meter> checkSilence() {
        Instant now = clock.instant();
        List<Meter> silent = meters.markSilent(now);
        Map<UUID, PowerNode> byId = nodes
                .findAll(silent.stream().map(Meter::nodeId).toList())
                .stream()
                .collect(Collectors.toMap(PowerNode::id, Function.identity()));
        for (Meter meter : silent) {
            events.meterSilent(meter, byId.get(meter.nodeId()), now);
        }
        return silent;
    }

    private void check(UUID workspaceId, MeterDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (nodes.find(workspaceId, draft.nodeId()).isEmpty()) {
            problems.add(new FieldProblem("nodeId", "no node " + draft.nodeId() + " in this workspace"));
        }
        if (draft.protocol() == MeterProtocol.MODBUS_TCP) {
            if (draft.modbus() == null) {
                problems.add(new FieldProblem("modbus", "a Modbus TCP meter names its host, port, unit and map"));
            } else if (maps.find(draft.modbus().registerMap()).isEmpty()) {
                problems.add(new FieldProblem(
                        "modbus.registerMap",
                        "unknown register map; known: "
                                + maps.all().stream().map(m -> m.id()).collect(Collectors.joining(", "))));
            }
        } else if (draft.modbus() != null) {
            problems.add(new FieldProblem("modbus", "only a MODBUS_TCP meter has Modbus settings"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ConflictException conflict(DuplicateException e, String meterId) {
        return "nodeId".equals(e.field())
                ? new ConflictException("nodeId", "the node has a meter already")
                : new ConflictException("meterId", "the workspace has a meter " + meterId + " already");
    }
}
