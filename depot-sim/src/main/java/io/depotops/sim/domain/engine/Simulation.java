package io.depotops.sim.domain.engine;

import io.depotops.physics.Battery;
import io.depotops.physics.Consumption;
import io.depotops.physics.Energy;
import io.depotops.sim.domain.config.ChargerGroup;
import io.depotops.sim.domain.config.FaultInjection;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.config.SiteNode;
import io.depotops.sim.domain.config.TimeOfDay;
import io.depotops.sim.domain.config.VehicleGroup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A depot simulated on a virtual clock by discrete events (arrivals, departures, faults, power
 * re-allocation every step, meter readings every interval). Between two events every power is
 * constant, so energy is integrated exactly per interval. Everything random is drawn from one
 * generator seeded by the run's seed, in a fixed order: the same config and seed give the same
 * trace.
 *
 * <p>Charging: a returning vehicle takes the first free connector it can use (config order) or
 * waits; a vehicle at its target leaves its connector to a waiting one (depot staff re-plug). Each
 * connector is offered the vehicle's accepted power (taper) within the charger's maximum; then,
 * from the leaves of the site tree to its root, sessions under a node above its limit (less its
 * base load) are scaled down alike.
 *
 * <p>Not thread-safe: the caller serialises access.
 */
public final class Simulation {

    static final int MISSED_KEPT = 100;
    private static final int TRACE_KEPT = 200_000;
    private static final double EPSILON = 1e-9;

    private record Scheduled(Instant at, long sequence, Runnable action) {}

    private final SimulationConfig config;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final SplittableRandom random;
    private final SimulationListener listener;
    private final PriorityQueue<Scheduled> events = new PriorityQueue<>((a, b) -> {
        int byTime = a.at.compareTo(b.at);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Node root;
    private final Map<String, Charger> chargers = new LinkedHashMap<>();
    private final Map<String, Vehicle> vehicles = new LinkedHashMap<>();
    private final Deque<Vehicle> waiting = new ArrayDeque<>();
    private final List<TraceEntry> trace = new ArrayList<>();
    private final MessageDigest digest;
    private final List<RunReport.MissedDeparture> missed = new ArrayList<>();

    private long sequence;
    private Instant now;
    private double energyDeliveredKwh;
    private int departures;
    private int ready;
    private double peakKw;
    private Instant peakAt;
    private double violationSeconds;
    private boolean violating;
    private int ranOut;
    private int faultsInjected;

    public Simulation(SimulationConfig config, long seed, SimulationListener listener) {
        this.config = config;
        this.zone = config.zone();
        this.start = config.localStart().atZone(zone).toInstant();
        this.end = start.plus(config.runLength());
        this.now = start;
        this.peakAt = start;
        this.random = new SplittableRandom(seed);
        this.listener = listener;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.root = addNode(config.site(), null);
        for (SimulationConfig.ChargerSpec spec : config.chargerSpecs()) {
            Charger charger =
                    new Charger(spec.id(), spec.group(), nodes.get(spec.group().siteNode()));
            chargers.put(charger.id, charger);
            charger.node.chargers.add(charger);
        }
        for (SimulationConfig.VehicleSpec spec : config.vehicleSpecs()) {
            Vehicle vehicle = new Vehicle(spec.id(), spec.group());
            vehicles.put(vehicle.id, vehicle);
            Instant arrival = firstArrival(spec.group().arrival());
            double soc = drawSoc(spec.group().arrival().soc());
            schedule(arrival, () -> arrive(vehicle, soc * vehicle.group.batteryKwh() / 100, true));
        }
        for (FaultInjection fault : config.faults()) {
            Charger charger = chargers.get(fault.charger());
            Instant at = start.plus(Duration.parse(fault.at()));
            Instant until = fault.duration() == null ? null : at.plus(Duration.parse(fault.duration()));
            schedule(at, () -> injected(fault.kind(), charger, until));
        }
        scheduleEvery(config.step(), this::reallocate);
        scheduleEvery(config.meterInterval(), this::readMeters);
        reallocate();
    }

    // ---- clock ----

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public Instant now() {
        return now;
    }

    public boolean finished() {
        return !now.isBefore(end);
    }

    /** Runs every event up to {@code target} (at most the end) and leaves the clock there. */
    public void advanceTo(Instant target) {
        Instant until = target.isAfter(end) ? end : target;
        while (!events.isEmpty() && !events.peek().at.isAfter(until)) {
            Scheduled next = events.poll();
            integrate(next.at);
            next.action.run();
        }
        integrate(until);
    }

    public void advanceBy(Duration step) {
        advanceTo(now.plus(step));
    }

    // ---- agent actions ----

    /** Plugs a vehicle at the depot into a connector of {@code chargerId} (any free one it can use when null). */
    public void plug(String vehicleId, String chargerId) {
        Vehicle vehicle = vehicle(vehicleId);
        if (vehicle.state == VehicleState.AWAY) {
            throw new ActionRefusedException("vehicleId", "vehicle " + vehicleId + " is away on a block");
        }
        if (vehicle.state == VehicleState.PLUGGED) {
            throw new ActionRefusedException("vehicleId", "vehicle " + vehicleId + " is already plugged in");
        }
        Connector connector;
        if (chargerId == null) {
            connector = freeConnectorFor(vehicle);
        } else {
            Charger charger = charger(chargerId);
            if (vehicle.group.maxPowerKw(charger.group.isDc()) <= 0) {
                throw new ActionRefusedException("chargerId", "vehicle " + vehicleId + " cannot charge there");
            }
            connector = charger.freeConnector();
        }
        if (connector == null) {
            throw new ActionRefusedException("chargerId", "no free connector");
        }
        waiting.remove(vehicle);
        plugInto(vehicle, connector, "agent");
        reallocate();
    }

    public void unplug(String vehicleId) {
        Vehicle vehicle = vehicle(vehicleId);
        if (vehicle.state != VehicleState.PLUGGED) {
            throw new ActionRefusedException("vehicleId", "vehicle " + vehicleId + " is not plugged in");
        }
        unplugFrom(vehicle, VehicleState.PARKED, "agent");
        reallocate();
    }

    public void fault(String chargerId) {
        setFaulted(charger(chargerId), true, "agent");
    }

    public void recover(String chargerId) {
        setFaulted(charger(chargerId), false, "agent");
    }

    public void dropLink(String chargerId) {
        Charger charger = charger(chargerId);
        record("link-dropped", charger.id, "agent");
        listener.linkDropped(charger.id, now);
    }

    /**
     * Caps a charger's power (a charging profile the CSMS set; it holds until cleared with null),
     * as its firmware would.
     */
    public void limitCharger(String chargerId, Double limitKw) {
        Charger charger = charger(chargerId);
        charger.profileLimitKw = limitKw;
        record("charger-limited", charger.id, limitKw == null ? "cleared" : fmt(limitKw) + " kW");
        reallocate();
    }

    /** Sets a node's limit for the rest of the run (windows no longer apply); null gives the config's limits back. */
    public void changeLimit(String nodeId, Double limitKw) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new ActionRefusedException("nodeId", "no site node " + nodeId);
        }
        node.override = limitKw;
        record("limit-changed", nodeId, limitKw == null ? "config" : fmt(limitKw) + " kW");
        reallocate();
    }

    // ---- reading ----

    public List<TraceEntry> trace() {
        return List.copyOf(trace);
    }

    public RunReport report() {
        MessageDigest copy;
        try {
            copy = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return new RunReport(
                start,
                now,
                round(energyDeliveredKwh),
                departures,
                ready,
                List.copyOf(missed),
                round(peakKw),
                peakAt,
                Math.round(violationSeconds),
                ranOut,
                faultsInjected,
                HexFormat.of().formatHex(copy.digest()));
    }

    public LiveState liveState() {
        List<LiveState.NodeLoad> nodeLoads = new ArrayList<>();
        for (Node node : nodes.values()) {
            nodeLoads.add(new LiveState.NodeLoad(node.site.id(), round(node.load), round(node.limit(localTime()))));
        }
        List<LiveState.ChargerView> chargerViews = new ArrayList<>();
        for (Charger charger : chargers.values()) {
            List<String> plugged = new ArrayList<>();
            for (Connector connector : charger.connectors) {
                if (connector.vehicle != null) {
                    plugged.add(connector.vehicle.id);
                }
            }
            chargerViews.add(new LiveState.ChargerView(
                    charger.id,
                    charger.status(),
                    round(charger.power()),
                    round(charger.registerWh / 1000),
                    plugged,
                    false));
        }
        List<LiveState.VehicleView> vehicleViews = new ArrayList<>();
        for (Vehicle vehicle : vehicles.values()) {
            vehicleViews.add(new LiveState.VehicleView(
                    vehicle.id,
                    vehicle.state.name(),
                    round(vehicle.socPercent()),
                    vehicle.connector == null ? null : vehicle.connector.charger.id,
                    vehicle.connector == null ? 0 : round(vehicle.connector.powerKw)));
        }
        return new LiveState(now, finished(), round(root.load), nodeLoads, chargerViews, vehicleViews);
    }

    public SimulationConfig config() {
        return config;
    }

    // ---- events ----

    private void schedule(Instant at, Runnable action) {
        if (!at.isAfter(end)) {
            events.add(new Scheduled(at, sequence++, action));
        }
    }

    private void scheduleEvery(Duration period, Runnable action) {
        schedule(start.plus(period), new Runnable() {
            @Override
            public void run() {
                action.run();
                schedule(now.plus(period), this);
            }
        });
    }

    private void integrate(Instant to) {
        if (!to.isAfter(now)) {
            return;
        }
        double seconds = Duration.between(now, to).toNanos() / 1e9;
        double hours = seconds / 3600;
        for (Charger charger : chargers.values()) {
            for (Connector connector : charger.connectors) {
                Vehicle vehicle = connector.vehicle;
                if (vehicle == null || connector.powerKw <= 0) {
                    continue;
                }
                double energy = Energy.deliveredKwh(connector.powerKw, hours, vehicle.targetKwh() - vehicle.kwh);
                vehicle.kwh += energy;
                connector.registerWh += energy * 1000;
                charger.registerWh += energy * 1000;
                energyDeliveredKwh += energy;
            }
        }
        if (violating) {
            violationSeconds += seconds;
        }
        now = to;
    }

    private void arrive(Vehicle vehicle, double kwh, boolean first) {
        vehicle.kwh = kwh;
        record(first ? "arrived" : "returned", vehicle.id, "soc " + fmt(vehicle.socPercent()) + "%");
        Connector connector = freeConnectorFor(vehicle);
        if (connector == null) {
            vehicle.state = VehicleState.WAITING;
            waiting.add(vehicle);
            record("waiting", vehicle.id, "");
        } else {
            plugInto(vehicle, connector, "arrival");
        }
        scheduleDeparture(vehicle);
        reallocate();
    }

    private void scheduleDeparture(Vehicle vehicle) {
        VehicleGroup.Block next = null;
        Instant nextAt = null;
        for (VehicleGroup.Block block : vehicle.group.blocks()) {
            Instant at = nextOccurrence(TimeOfDay.parse(block.departure()), now, false);
            if (nextAt == null || at.isBefore(nextAt)) {
                next = block;
                nextAt = at;
            }
        }
        VehicleGroup.Block chosen = next;
        Instant departure = nextAt;
        schedule(departure, () -> depart(vehicle, chosen));
    }

    private void depart(Vehicle vehicle, VehicleGroup.Block block) {
        double soc = vehicle.socPercent();
        boolean isReady = soc + EPSILON >= vehicle.group.targetSocPercent();
        departures++;
        if (isReady) {
            ready++;
        } else if (missed.size() < MISSED_KEPT) {
            missed.add(new RunReport.MissedDeparture(vehicle.id, now, round(soc), vehicle.group.targetSocPercent()));
        }
        if (vehicle.state == VehicleState.PLUGGED) {
            unplugFrom(vehicle, VehicleState.AWAY, "departure");
        }
        waiting.remove(vehicle);
        vehicle.state = VehicleState.AWAY;
        record("departed", vehicle.id, "soc " + fmt(soc) + "% " + (isReady ? "ready" : "not ready"));
        listener.vehicleDeparted(vehicle.id, block.distanceKm(), now);
        double needed = new Consumption(vehicle.group.consumptionKwhPerKm()).kwhFor(block.distanceKm());
        double left = vehicle.kwh - needed;
        if (left < 0) {
            ranOut++;
            record("ran-out-of-energy", vehicle.id, fmt(-left) + " kWh short");
        }
        Instant back = now.plus(TimeOfDay.span(block.departure(), block.returns()));
        schedule(back, () -> arrive(vehicle, Math.max(0, left), false));
        reallocate();
    }

    private void injected(String kind, Charger charger, Instant until) {
        faultsInjected++;
        if (FaultInjection.LINK_DROP.equals(kind)) {
            record("link-dropped", charger.id, "injected");
            listener.linkDropped(charger.id, now);
            return;
        }
        setFaulted(charger, true, "injected");
        if (until != null) {
            schedule(until, () -> setFaulted(charger, false, "injected"));
        }
    }

    private void setFaulted(Charger charger, boolean faulted, String cause) {
        if (charger.faulted == faulted) {
            return;
        }
        charger.faulted = faulted;
        record(faulted ? "charger-faulted" : "charger-recovered", charger.id, cause);
        listener.chargerFaulted(charger.id, faulted, now);
        reallocate();
    }

    private void readMeters() {
        for (Charger charger : chargers.values()) {
            for (int c = 0; c < charger.connectors.size(); c++) {
                Connector connector = charger.connectors.get(c);
                Double soc = connector.vehicle == null ? null : connector.vehicle.socPercent();
                listener.meterSample(charger.id, c + 1, Math.round(connector.registerWh), connector.powerKw, soc, now);
            }
        }
        record("meter", root.site.id(), fmt(root.load) + " kW");
        for (Node node : nodes.values()) {
            listener.nodeMetered(node.site.id(), node.load, now);
        }
        for (Vehicle vehicle : vehicles.values()) {
            if (vehicle.state != VehicleState.AWAY) {
                boolean charging = vehicle.connector != null && vehicle.connector.powerKw > 0;
                listener.vehicleSampled(
                        vehicle.id, vehicle.socPercent(), vehicle.state == VehicleState.PLUGGED, charging, now);
            }
        }
    }

    // ---- charging ----

    private Connector freeConnectorFor(Vehicle vehicle) {
        for (Charger charger : chargers.values()) {
            if (vehicle.group.maxPowerKw(charger.group.isDc()) <= 0) {
                continue;
            }
            Connector free = charger.freeConnector();
            if (free != null) {
                return free;
            }
        }
        return null;
    }

    private void plugInto(Vehicle vehicle, Connector connector, String cause) {
        connector.vehicle = vehicle;
        vehicle.connector = connector;
        vehicle.state = VehicleState.PLUGGED;
        record("plugged", vehicle.id, connector.charger.id + "/" + connector.number + " " + cause);
        listener.sessionStarted(
                connector.charger.id, connector.number, vehicle.id, Math.round(connector.registerWh), now);
    }

    private void unplugFrom(Vehicle vehicle, VehicleState after, String cause) {
        Connector connector = vehicle.connector;
        connector.vehicle = null;
        connector.powerKw = 0;
        vehicle.connector = null;
        vehicle.state = after;
        record("unplugged", vehicle.id, connector.charger.id + "/" + connector.number + " " + cause);
        listener.sessionEnded(
                connector.charger.id, connector.number, vehicle.id, Math.round(connector.registerWh), now);
    }

    /** Re-plugs full vehicles' connectors to waiting ones, then divides power within every limit. */
    private void reallocate() {
        if (!waiting.isEmpty()) {
            for (Charger charger : chargers.values()) {
                for (Connector connector : charger.connectors) {
                    Vehicle occupant = connector.vehicle;
                    if (occupant == null || !occupant.full()) {
                        continue;
                    }
                    Vehicle next = firstWaitingFor(charger);
                    if (next != null) {
                        unplugFrom(occupant, VehicleState.PARKED, "full");
                        waiting.remove(next);
                        plugInto(next, connector, "re-plug");
                    }
                }
            }
        }
        for (Charger charger : chargers.values()) {
            double wanted = 0;
            for (Connector connector : charger.connectors) {
                Vehicle vehicle = connector.vehicle;
                connector.powerKw = vehicle == null || charger.faulted || vehicle.full()
                        ? 0
                        : vehicle.group.acceptedPowerKw(charger.group.isDc(), vehicle.socPercent());
                wanted += connector.powerKw;
            }
            double max = charger.maxPowerKw();
            if (wanted > max) {
                double factor = wanted <= 0 ? 0 : max / wanted;
                charger.connectors.forEach(connector -> connector.powerKw *= factor);
            }
        }
        LocalTime time = localTime();
        violating = false;
        limitSubtree(root, time);
        if (root.load > peakKw + EPSILON) {
            peakKw = root.load;
            peakAt = now;
        }
    }

    private Vehicle firstWaitingFor(Charger charger) {
        for (Vehicle vehicle : waiting) {
            if (vehicle.group.maxPowerKw(charger.group.isDc()) > 0) {
                return vehicle;
            }
        }
        return null;
    }

    /** Limits the node's subtree leaves first; sets and returns its load (base loads included). */
    private double limitSubtree(Node node, LocalTime time) {
        double base = node.site.baseLoad();
        for (Node child : node.children) {
            limitSubtree(child, time);
            base += child.baseLoadBelow;
        }
        node.baseLoadBelow = base;
        List<Connector> sessions = new ArrayList<>();
        collectSessions(node, sessions);
        double charging = sessions.stream().mapToDouble(c -> c.powerKw).sum();
        double headroom = node.limit(time) - base;
        if (charging > headroom + EPSILON) {
            double factor = Math.max(0, headroom) / charging;
            sessions.forEach(connector -> connector.powerKw *= factor);
            charging = Math.max(0, headroom);
        }
        node.load = base + charging;
        if (node.load > node.limit(time) + 1e-6) {
            violating = true;
        }
        return node.load;
    }

    private void collectSessions(Node node, List<Connector> into) {
        for (Charger charger : node.chargers) {
            for (Connector connector : charger.connectors) {
                if (connector.powerKw > 0) {
                    into.add(connector);
                }
            }
        }
        for (Node child : node.children) {
            collectSessions(child, into);
        }
    }

    // ---- helpers ----

    private Node addNode(SiteNode site, Node parent) {
        Node node = new Node(site);
        nodes.put(site.id(), node);
        if (parent != null) {
            parent.children.add(node);
        }
        site.children().forEach(child -> addNode(child, node));
        return node;
    }

    private Instant firstArrival(VehicleGroup.Arrival arrival) {
        Instant from = nextOccurrence(TimeOfDay.parse(arrival.from()), start, true);
        long spanSeconds = TimeOfDay.span(arrival.from(), arrival.to()).toSeconds();
        return from.plusSeconds(random.nextLong(spanSeconds));
    }

    private double drawSoc(VehicleGroup.SocDistribution soc) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double drawn = soc.meanPercent() + random.nextGaussian() * soc.stdDevPercent();
            if (drawn >= soc.minPercent() && drawn <= soc.maxPercent()) {
                return drawn;
            }
        }
        return Math.min(soc.maxPercent(), Math.max(soc.minPercent(), soc.meanPercent()));
    }

    /** The next instant at {@code time} local: from {@code after} on (inclusive or not). */
    private Instant nextOccurrence(LocalTime time, Instant after, boolean inclusive) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        Instant at = candidate.toInstant();
        while (inclusive ? at.isBefore(after) : !at.isAfter(after)) {
            candidate = candidate.plusDays(1);
            at = candidate.toInstant();
        }
        return at;
    }

    private LocalTime localTime() {
        return LocalTime.ofInstant(now, zone);
    }

    private Vehicle vehicle(String id) {
        Vehicle vehicle = vehicles.get(id);
        if (vehicle == null) {
            throw new ActionRefusedException("vehicleId", "no vehicle " + id + " in this run");
        }
        return vehicle;
    }

    private Charger charger(String id) {
        Charger charger = chargers.get(id);
        if (charger == null) {
            throw new ActionRefusedException("chargerId", "no charger " + id + " in this run");
        }
        return charger;
    }

    private void record(String kind, String subject, String detail) {
        TraceEntry entry = new TraceEntry(now, kind, subject, detail);
        digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
        if (trace.size() < TRACE_KEPT) {
            trace.add(entry);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    // ---- state ----

    private enum VehicleState {
        /** Not yet arrived, or out on a block. */
        AWAY,
        WAITING,
        PLUGGED,
        /** At the depot, not plugged in (full and moved, or unplugged by an agent). */
        PARKED
    }

    private static final class Node {
        final SiteNode site;
        final List<Node> children = new ArrayList<>();
        final List<Charger> chargers = new ArrayList<>();
        Double override;
        double load;
        double baseLoadBelow;

        Node(SiteNode site) {
            this.site = site;
        }

        double limit(LocalTime time) {
            return override != null ? override : site.limitAt(time);
        }
    }

    private static final class Charger {
        final String id;
        final ChargerGroup group;
        final Node node;
        final List<Connector> connectors = new ArrayList<>();
        boolean faulted;
        Double profileLimitKw;
        double registerWh;

        Charger(String id, ChargerGroup group, Node node) {
            this.id = id;
            this.group = group;
            this.node = node;
            for (int c = 1; c <= group.connectorCount(); c++) {
                connectors.add(new Connector(this, c));
            }
        }

        double maxPowerKw() {
            return profileLimitKw == null
                    ? group.maxPowerKw()
                    : Math.max(0, Math.min(group.maxPowerKw(), profileLimitKw));
        }

        Connector freeConnector() {
            if (faulted) {
                return null;
            }
            for (Connector connector : connectors) {
                if (connector.vehicle == null) {
                    return connector;
                }
            }
            return null;
        }

        double power() {
            return connectors.stream().mapToDouble(c -> c.powerKw).sum();
        }

        String status() {
            if (faulted) {
                return "Faulted";
            }
            boolean occupied = false;
            for (Connector connector : connectors) {
                if (connector.powerKw > 0) {
                    return "Charging";
                }
                occupied |= connector.vehicle != null;
            }
            return occupied ? "SuspendedEV" : "Available";
        }
    }

    private static final class Connector {
        final Charger charger;
        final int number;
        Vehicle vehicle;
        double powerKw;
        /** The connector's (EVSE's) energy register: what its transactions' meter values read. */
        double registerWh;

        Connector(Charger charger, int number) {
            this.charger = charger;
            this.number = number;
        }
    }

    private static final class Vehicle {
        final String id;
        final VehicleGroup group;
        VehicleState state = VehicleState.AWAY;
        Connector connector;
        double kwh;

        Vehicle(String id, VehicleGroup group) {
            this.id = id;
            this.group = group;
        }

        double socPercent() {
            return battery().socPercent(kwh);
        }

        double targetKwh() {
            return battery().kwhAt(group.targetSocPercent());
        }

        private Battery battery() {
            return new Battery(group.batteryKwh());
        }

        boolean full() {
            return kwh + 1e-6 >= targetKwh();
        }
    }
}
