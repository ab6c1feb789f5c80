package io.depotops.sitepwrmon.application.reading;

import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.InvalidInputException.FieldProblem;
import io.depotops.sitepwrmon.application.NotFoundException;
import io.depotops.sitepwrmon.application.limit.LoadMonitor;
import io.depotops.sitepwrmon.application.port.MeterRepository;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.application.port.ReadingStore;
import io.depotops.sitepwrmon.application.port.ReadingStore.IngestOutcome;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.reading.NodeLive;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.reading.ReadingPoint;
import io.depotops.sitepwrmon.domain.reading.ReadingWindow;
import io.depotops.sitepwrmon.domain.reading.Resolution;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingest of readings from every protocol into the one canonical series, and its queries. A batch
 * is checked reading by reading (a known meter of the workspace, a time inside the accepted
 * window), stored in one statement with its rollups and live values, and the nodes whose live
 * value moved are assessed against their limits in the same transaction ({@link LoadMonitor}).
 */
@ApplicationScoped
public class ReadingService {

    private final ReadingStore store;
    private final MeterRepository meters;
    private final NodeRepository nodes;
    private final LoadMonitor monitor;
    private final Clock clock;
    private final ReadingWindow window;

    ReadingService(
            ReadingStore store,
            MeterRepository meters,
            NodeRepository nodes,
            LoadMonitor monitor,
            Clock clock,
            @ConfigProperty(name = "depotops.sitepwrmon.readings.max-skew", defaultValue = "PT5M") Duration maxSkew,
            @ConfigProperty(name = "depotops.sitepwrmon.readings.max-age", defaultValue = "P7D") Duration maxAge) {
        this.store = store;
        this.meters = meters;
        this.nodes = nodes;
        this.monitor = monitor;
        this.clock = clock;
        this.window = new ReadingWindow(maxSkew, maxAge);
    }

    public ReadingWindow window() {
        return window;
    }

    /**
     * All or nothing, for uploads: a batch with a refused reading is refused whole, naming each
     * refused field ({@code readings[i].meterId}, {@code readings[i].time}).
     */
    @Transactional
    public IngestReport upload(UUID workspaceId, List<IncomingReading> batch) {
        Checked checked = check(workspaceId, batch);
        if (!checked.refused.isEmpty()) {
            throw new InvalidInputException(checked.refused);
        }
        return stored(workspaceId, checked);
    }

    /**
     * Best effort, for streams (MQTT, Modbus): the accepted readings are stored, the refused ones
     * reported.
     */
    @Transactional
    public IngestReport ingest(UUID workspaceId, List<IncomingReading> batch) {
        return stored(workspaceId, check(workspaceId, batch));
    }

    @Transactional
    public Page<ReadingPoint> series(
            UUID workspaceId, UUID nodeId, Instant from, Instant to, Resolution resolution, String cursor, int limit) {
        requireNode(workspaceId, nodeId);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        return store.series(nodeId, from, to, resolution, cursor, limit);
    }

    @Transactional
    public Optional<NodeLive> live(UUID workspaceId, UUID nodeId) {
        requireNode(workspaceId, nodeId);
        return store.live(nodeId);
    }

    private PowerNode requireNode(UUID workspaceId, UUID nodeId) {
        return nodes.find(workspaceId, nodeId).orElseThrow(() -> new NotFoundException("node", nodeId));
    }

    private IngestReport stored(UUID workspaceId, Checked checked) {
        if (checked.accepted.isEmpty()) {
            return new IngestReport(0, 0, checked.refused);
        }
        Instant now = clock.instant();
        IngestOutcome outcome = store.store(checked.accepted, now);
        meters.seen(workspaceId, checked.accepted.stream().map(Reading::meterId).collect(Collectors.toSet()), now);
        monitor.assess(outcome.advanced(), now);
        return new IngestReport(outcome.stored(), checked.accepted.size() - outcome.stored(), checked.refused);
    }

    private Checked check(UUID workspaceId, List<IncomingReading> batch) {
        Map<String, Meter> known = meters
                .findAll(
                        workspaceId,
                        batch.stream()
                                .map(IncomingReading::meterId)
                                .filter(id -> id != null)
                                .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Meter::meterId, Function.identity()));
        Instant now = clock.instant();
        List<Reading> accepted = new ArrayList<>();
        List<FieldProblem> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingReading in = batch.get(i);
            Meter meter = known.get(in.meterId());
            if (meter == null) {
                refused.add(new FieldProblem(
                        "readings[" + i + "].meterId", "no meter " + in.meterId() + " in this workspace"));
                continue;
            }
            String late = window.refusal(in.time(), now);
            if (late != null) {
                refused.add(new FieldProblem("readings[" + i + "].time", late));
                continue;
            }
            // The series keeps microseconds (timestamptz): a reading resent with more digits is the same one.
            accepted.add(new Reading(
                    meter.nodeId(),
                    meter.meterId(),
                    in.time().truncatedTo(ChronoUnit.MICROS),
                    in.powerW(),
                    in.currentA(),
                    in.energyWh(),
                    in.quality()));
        }
        return new Checked(accepted, refused);
    }

    private record Checked(List<Reading> accepted, List<FieldProblem> refused) {}
}
