package io.depotops.core.application.load;

import io.depotops.core.application.CommandService;
import io.depotops.core.application.DispatchService;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.plan.PlanRepository;
import io.depotops.core.application.port.ProcessedMessages;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.domain.ChargerCommand;
import io.depotops.core.domain.EffectivePriority;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.load.Bound;
import io.depotops.core.domain.load.LimitChange;
import io.depotops.core.domain.load.LoadPolicy;
import io.depotops.core.domain.load.Phase;
import io.depotops.core.domain.load.PhaseAmps;
import io.depotops.core.domain.load.Session;
import io.depotops.core.domain.load.SessionKey;
import io.depotops.core.domain.load.SiteAllocation;
import io.depotops.core.domain.load.SiteMeasurement;
import io.depotops.core.domain.plan.ChargingPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Live load management of a site (issue 9, ADR 0017): sitepwrmon's node loads in, the allocator
 * over the site's active sessions, changed limits out as {@code SET_CHARGING_LIMIT} through the
 * command path every operator command takes.
 */
@ApplicationScoped
public class LoadManagementService {

    static final String CONSUMER = "core.load-management";
    static final String REQUESTED_BY = "load-management";
    static final String COMMAND = "SET_CHARGING_LIMIT";

    /** Explicit levels are tiers 1-10; a departure-ranked vehicle comes after, an unknown one last. */
    static final int DEPARTURE_TIER = 11;

    static final int UNKNOWN_VEHICLE_TIER = 12;

    private static final Logger LOG = Logger.getLogger(LoadManagementService.class);

    /** A node load as it arrives; ids as sitepwrmon sent them (not yet checked). */
    public record NodeLoadReport(
            String messageId,
            String workspaceId,
            String siteId,
            String nodeId,
            Instant measuredAt,
            double loadKw,
            Double limitKw,
            PhaseAmps currentA,
            PhaseAmps limitA) {}

    private final LoadManagementStore store;
    private final SiteRepository sites;
    private final DispatchService dispatch;
    private final CommandService commands;
    private final ProcessedMessages processed;
    private final Clock clock;
    private final LoadPolicy policy;
    private final PlanRepository plans;

    LoadManagementService(
            LoadManagementStore store,
            SiteRepository sites,
            DispatchService dispatch,
            CommandService commands,
            ProcessedMessages processed,
            PlanRepository plans,
            Clock clock,
            @ConfigProperty(name = "depotops.load.safety-margin-kw", defaultValue = "2") double safetyMarginKw,
            @ConfigProperty(name = "depotops.load.minimum-kw", defaultValue = "1.4") double minimumKw,
            @ConfigProperty(name = "depotops.load.fallback-per-session-kw", defaultValue = "3.7")
                    double fallbackPerSessionKw,
            @ConfigProperty(name = "depotops.load.stale-after", defaultValue = "PT30S") Duration staleAfter,
            @ConfigProperty(name = "depotops.load.hysteresis-kw", defaultValue = "0.5") double hysteresisKw,
            @ConfigProperty(name = "depotops.load.min-command-interval", defaultValue = "PT5S")
                    Duration minCommandInterval) {
        this.store = store;
        this.sites = sites;
        this.dispatch = dispatch;
        this.commands = commands;
        this.processed = processed;
        this.plans = plans;
        this.clock = clock;
        this.policy = new LoadPolicy(
                safetyMarginKw, minimumKw, fallbackPerSessionKw, staleAfter, hysteresisKw, minCommandInterval);
    }

    /**
     * A batch of node loads: each message applied once, each node's newest load kept, then every
     * site touched allocated once. Loads of sites core does not know (or of another workspace) are
     * dropped: nothing to manage there.
     */
    @Transactional
    public void nodeLoadsReported(List<NodeLoadReport> reports) {
        Set<String> fresh = processed.firstTimeAll(
                CONSUMER, reports.stream().map(NodeLoadReport::messageId).toList());
        Set<LoadManagementStore.ManagedSite> touched = new LinkedHashSet<>();
        for (NodeLoadReport report : reports) {
            if (!fresh.contains(report.messageId())) {
                continue;
            }
            Optional<UUID> workspace = uuid(report.workspaceId());
            Optional<UUID> site = uuid(report.siteId());
            if (workspace.isEmpty()
                    || site.isEmpty()
                    || report.nodeId() == null
                    || report.measuredAt() == null
                    || !Double.isFinite(report.loadKw())) {
                LOG.debugf("node load %s names no site core knows; dropped", report.messageId());
                continue;
            }
            Double limit = report.limitKw() != null && Double.isFinite(report.limitKw()) ? report.limitKw() : null;
            if (store.recordNodeLoad(
                    workspace.get(),
                    site.get(),
                    new SiteMeasurement(
                            report.nodeId(),
                            report.measuredAt(),
                            report.loadKw(),
                            limit,
                            finite(report.currentA()),
                            finite(report.limitA())))) {
                touched.add(new LoadManagementStore.ManagedSite(workspace.get(), site.get()));
            }
        }
        for (LoadManagementStore.ManagedSite site : touched) {
            allocate(site.workspaceId(), site.siteId());
        }
    }

    /** The periodic pass: every managed site again, so stale data turns into the fallback. */
    @Transactional
    public List<LoadManagementStore.ManagedSite> managedSites() {
        return store.managedSites();
    }

    /** Allocates one site now and sends the limits worth sending; the allocation is kept for the API. */
    @Transactional
    public Optional<AllocationView> allocate(UUID workspaceId, UUID siteId) {
        Optional<Site> found = sites.find(workspaceId, siteId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Site site = found.get();
        store.lockSite(siteId);
        Instant now = clock.instant();
        SiteMeasurement measurement = measurement(store.nodeLoads(siteId), now.minus(policy.staleAfter()));
        List<LoadManagementStore.ActiveSession> active = store.activeSessions(workspaceId, siteId);
        List<Session> sessions = sessions(
                active, dispatch.priorities(workspaceId, site.depotId(), now), planTargets(workspaceId, site, now));
        double draw = active.stream()
                .mapToDouble(LoadManagementStore.ActiveSession::drawKw)
                .sum();
        SiteAllocation allocation = SiteAllocation.compute(
                siteId, now, policy, site.gridCapacityKw().doubleValue(), measurement, draw, sessions);

        Map<SessionKey, LoadManagementStore.SentLimit> sent = store.sentLimits(siteId);
        List<AllocationView.EvseLimit> limits = new ArrayList<>();
        for (Session session : allocation.sessions()) {
            // Tenths of a kW, rounded down so the limits still sum within the headroom (the 1e-6
            // keeps 3.6999999 from a sum of shares at 3.7).
            double limit = Math.floor(allocation.limits().get(session.key()) * 10 + 1e-6) / 10;
            LoadManagementStore.SentLimit last = sent.get(session.key());
            boolean send = LimitChange.worthSending(
                    last == null ? null : last.limitKw(), last == null ? null : last.sentAt(), limit, now, policy);
            Double inForce = last == null ? null : last.limitKw();
            if (send) {
                ChargerCommand command = commands.send(
                        workspaceId,
                        session.key().chargerId(),
                        COMMAND,
                        Map.of("evseId", session.key().evseId(), "limitKw", limit),
                        null,
                        REQUESTED_BY);
                store.recordSent(session.key(), limit, now, command.id());
                inForce = limit;
            }
            limits.add(new AllocationView.EvseLimit(
                    session.key().chargerId(),
                    session.key().evseId(),
                    session.vehicleId(),
                    session.tier(),
                    session.maxKw(),
                    session.planTargetKw(),
                    limit,
                    reason(allocation.bounds().get(session.key())),
                    inForce,
                    send));
        }
        AllocationView view = new AllocationView(
                siteId,
                now,
                allocation.mode().name(),
                new AllocationView.Inputs(
                        allocation.capacityKw(),
                        allocation.measuredLoadKw(),
                        allocation.measuredAt(),
                        measurement == null ? null : measurement.nodeId(),
                        measurement == null ? null : measurement.limitKw(),
                        draw,
                        allocation.baseLoadKw(),
                        policy.safetyMarginKw(),
                        allocation.headroomKw(),
                        allocation.headroomA()),
                limits);
        Optional<AllocationView> previous = store.allocation(workspaceId, siteId);
        store.saveAllocation(workspaceId, siteId, now, view);
        if (worthKeeping(view, previous)) {
            store.appendHistory(workspaceId, siteId, now, view);
        }
        return Optional.of(view);
    }

    /** The site's last allocation; 404 when the site is unknown or was never allocated. */
    public AllocationView allocation(UUID workspaceId, UUID siteId) {
        if (sites.find(workspaceId, siteId).isEmpty()) {
            throw new NotFoundException("site", siteId);
        }
        return store.allocation(workspaceId, siteId).orElseThrow(() -> new NotFoundException("allocation", siteId));
    }

    /**
     * The site's allocations from {@code from} to {@code to}, newest first: one entry each time a
     * limit was sent, the mode changed or the set of sessions changed (not every periodic pass).
     */
    public List<AllocationView> history(UUID workspaceId, UUID siteId, Instant from, Instant to, int limit) {
        if (sites.find(workspaceId, siteId).isEmpty()) {
            throw new NotFoundException("site", siteId);
        }
        return store.history(workspaceId, siteId, from, to, limit);
    }

    /** History keeps what changed something: a command, the mode, the sessions; a first allocation. */
    static boolean worthKeeping(AllocationView view, Optional<AllocationView> previous) {
        if (previous.isEmpty() || !previous.get().mode().equals(view.mode())) {
            return true;
        }
        if (view.limits().stream().anyMatch(AllocationView.EvseLimit::commandSent)) {
            return true;
        }
        Set<String> before = new java.util.HashSet<>();
        previous.get().limits().forEach(limit -> before.add(limit.chargerId() + "/" + limit.evseId()));
        Set<String> now = new java.util.HashSet<>();
        view.limits().forEach(limit -> now.add(limit.chargerId() + "/" + limit.evseId()));
        return !before.equals(now);
    }

    private static AllocationView.Reason reason(Bound bound) {
        return bound == null
                ? null
                : new AllocationView.Reason(
                        bound.kind().name(),
                        bound.nodeId(),
                        bound.phase() == null ? null : bound.phase().name(),
                        bound.byHigherPriority());
    }

    /**
     * The depot's current stored plan's power per vehicle in the slot that holds {@code now} (read
     * only; the plan is the planner's). None when there is no plan, it expired or {@code now} is
     * outside its slots.
     */
    private Map<UUID, Double> planTargets(UUID workspaceId, Site site, Instant now) {
        return plans.find(workspaceId, site.depotId())
                .map(plan -> planTargets(plan, now))
                .orElse(Map.of());
    }

    static Map<UUID, Double> planTargets(ChargingPlan plan, Instant now) {
        if (!plan.currentAt(now)) {
            return Map.of();
        }
        List<Instant> starts = plan.slotStarts();
        if (starts.isEmpty() || now.isBefore(starts.getFirst())) {
            return Map.of();
        }
        int slot = 0;
        while (slot + 1 < starts.size() && !now.isBefore(starts.get(slot + 1))) {
            slot++;
        }
        if (slot == starts.size() - 1 && starts.size() > 1) {
            Duration length = Duration.between(starts.get(slot - 1), starts.get(slot));
            if (!now.isBefore(starts.get(slot).plus(length))) {
                return Map.of(); // past the plan's last slot
            }
        }
        Map<UUID, Double> targets = new HashMap<>();
        for (ChargingPlan.VehiclePlan vehicle : plan.vehicles()) {
            if (slot < vehicle.powerKw().size() && vehicle.powerKw().get(slot) != null) {
                targets.put(vehicle.vehicleId(), vehicle.powerKw().get(slot));
            }
        }
        return targets;
    }

    /**
     * The site's measurement from its nodes' newest loads. Core does not know the site's tree yet,
     * so it takes the safe reading: the highest load of the fresh nodes (the grid connection's meter
     * sees every other node's load) and the lowest of their limits. Without a fresh node, the newest
     * one (stale: the allocation falls back).
     */
    static SiteMeasurement measurement(List<SiteMeasurement> nodes, Instant freshSince) {
        List<SiteMeasurement> fresh = nodes.stream()
                .filter(node -> !node.measuredAt().isBefore(freshSince))
                .toList();
        if (fresh.isEmpty()) {
            return nodes.stream()
                    .max(Comparator.comparing(SiteMeasurement::measuredAt))
                    .orElse(null);
        }
        SiteMeasurement highest = fresh.stream()
                .max(Comparator.comparingDouble(SiteMeasurement::loadKw))
                .orElseThrow();
        Double lowestLimit = fresh.stream()
                .map(SiteMeasurement::limitKw)
                .filter(limit -> limit != null)
                .min(Double::compare)
                .orElse(null);
        return new SiteMeasurement(
                highest.nodeId(),
                highest.measuredAt(),
                highest.loadKw(),
                lowestLimit,
                highest.currentA(),
                new PhaseAmps(
                        lowestLimit(fresh, Phase.L1), lowestLimit(fresh, Phase.L2), lowestLimit(fresh, Phase.L3)));
    }

    private static Double lowestLimit(List<SiteMeasurement> nodes, Phase phase) {
        return nodes.stream()
                .map(node -> node.limitA().get(phase))
                .filter(limit -> limit != null)
                .min(Double::compare)
                .orElse(null);
    }

    /** Per-phase values as reported, a value that is no number dropped. */
    private static PhaseAmps finite(PhaseAmps amps) {
        if (amps == null) {
            return PhaseAmps.NONE;
        }
        return new PhaseAmps(finite(amps.l1()), finite(amps.l2()), finite(amps.l3()));
    }

    private static Double finite(Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }

    private static List<Session> sessions(
            List<LoadManagementStore.ActiveSession> active,
            List<EffectivePriority> priorities,
            Map<UUID, Double> planTargets) {
        Map<UUID, Integer> rank = new HashMap<>();
        Map<UUID, Integer> tier = new HashMap<>();
        for (int i = 0; i < priorities.size(); i++) {
            EffectivePriority priority = priorities.get(i);
            rank.put(priority.vehicleId(), i);
            tier.put(priority.vehicleId(), priority.level() != null ? priority.level() : DEPARTURE_TIER);
        }
        return active.stream()
                .map(session -> new Session(
                        session.key(),
                        session.vehicleId(),
                        session.maxKw(),
                        tier.getOrDefault(session.vehicleId(), UNKNOWN_VEHICLE_TIER),
                        rank.getOrDefault(session.vehicleId(), Integer.MAX_VALUE),
                        session.vehicleId() == null ? null : planTargets.get(session.vehicleId())))
                .toList();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
