package io.depotops.sim.application.run;

import io.depotops.sim.application.ConflictException;
import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.application.NotFoundException;
import io.depotops.sim.application.SuiteUnavailableException;
import io.depotops.sim.application.config.ConfigService;
import io.depotops.sim.application.config.StoredConfig;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.application.port.RunRepository;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.LiveState;
import io.depotops.sim.domain.engine.RunReport;
import io.depotops.sim.domain.engine.Simulation;
import io.depotops.sim.domain.engine.SimulationListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Runs of a config: created paused at the config's start, moved on in real time x their speed
 * while RUNNING (by {@link #tick}), or by explicit steps while not. A run's engine lives in this
 * process; its record and, once it ended, its report are stored, so the report outlives it.
 */
@ApplicationScoped
public class RunService {

    public static final int FASTEST = 1000;
    public static final Duration LONGEST_STEP = Duration.ofDays(7);

    /** A charging limit the CSMS set on a charger, waiting for the run's next move. */
    private record PendingLimit(String chargerId, Double kw) {}

    /** A run whose engine is in memory; every access holds its monitor. */
    private static final class LiveRun {
        RunRecord record;
        final Simulation simulation;
        final DepotSuite.Connection suite;
        final Queue<PendingLimit> limits;
        Instant lastTick;

        LiveRun(RunRecord record, Simulation simulation, DepotSuite.Connection suite, Queue<PendingLimit> limits) {
            this.record = record;
            this.simulation = simulation;
            this.suite = suite;
            this.limits = limits;
        }
    }

    private final ConfigService configs;
    private final RunRepository runs;
    private final DepotSuite suites;
    private final Clock clock;
    private final Map<UUID, LiveRun> live = new ConcurrentHashMap<>();

    RunService(ConfigService configs, RunRepository runs, DepotSuite suites, Clock clock) {
        this.configs = configs;
        this.runs = runs;
        this.suites = suites;
        this.clock = clock;
    }

    /**
     * A run of a config, paused at its start. With a {@code suite} target it drives the real suite
     * (registration in core, OCPP to connect) from now until it ends.
     */
    public RunRecord create(
            UUID workspaceId, UUID configId, Integer configVersion, Long seed, Integer speed, DepotSuite.Target suite) {
        int pace = speed == null ? 1 : speed;
        if (pace < 1 || pace > FASTEST) {
            throw new InvalidInputException("speed", "must be 1 to " + FASTEST);
        }
        StoredConfig stored = configVersion == null
                ? configs.get(workspaceId, configId)
                : configs.get(workspaceId, configId, configVersion);
        SimulationConfig config = configs.parsed(stored);
        long chosenSeed = seed == null ? config.defaultSeed() : seed;
        RunRecord record = new RunRecord(
                UUID.randomUUID(),
                workspaceId,
                stored.id(),
                stored.version(),
                chosenSeed,
                pace,
                RunRecord.CREATED,
                clock.instant(),
                null,
                null);
        Queue<PendingLimit> limits = new ConcurrentLinkedQueue<>();
        DepotSuite.Connection connection = null;
        if (suite != null) {
            try {
                connection = suites.connect(suite, config, (charger, kw) -> limits.add(new PendingLimit(charger, kw)));
            } catch (IllegalStateException e) {
                throw new SuiteUnavailableException(e.getMessage());
            }
        }
        Simulation simulation =
                new Simulation(config, chosenSeed, connection == null ? SimulationListener.NONE : connection);
        runs.insert(record);
        live.put(record.id(), new LiveRun(record, simulation, connection, limits));
        return record;
    }

    public RunRecord start(UUID workspaceId, UUID runId) {
        return change(workspaceId, runId, run -> {
            requireNotEnded(run);
            if (!RunRecord.RUNNING.equals(run.record.state())) {
                run.lastTick = clock.instant();
                setState(run, RunRecord.RUNNING);
            }
        });
    }

    public RunRecord pause(UUID workspaceId, UUID runId) {
        return change(workspaceId, runId, run -> {
            requireNotEnded(run);
            if (RunRecord.RUNNING.equals(run.record.state())) {
                catchUp(run, clock.instant());
                if (!run.record.ended()) {
                    setState(run, RunRecord.PAUSED);
                }
            }
        });
    }

    /** Moves a run that is not running on by {@code step} of virtual time, at once. */
    public RunRecord step(UUID workspaceId, UUID runId, Duration step) {
        if (step == null || step.isNegative() || step.isZero() || step.compareTo(LONGEST_STEP) > 0) {
            throw new InvalidInputException("duration", "must be longer than zero and at most P7D");
        }
        return change(workspaceId, runId, run -> {
            requireNotEnded(run);
            if (RunRecord.RUNNING.equals(run.record.state())) {
                throw new ConflictException("run " + runId + " is running; pause it to step");
            }
            applyLimits(run);
            run.simulation.advanceBy(step);
            if (run.simulation.finished()) {
                end(run, RunRecord.FINISHED);
            } else if (RunRecord.CREATED.equals(run.record.state())) {
                setState(run, RunRecord.PAUSED);
            }
        });
    }

    public RunRecord stop(UUID workspaceId, UUID runId) {
        return change(workspaceId, runId, run -> {
            requireNotEnded(run);
            if (RunRecord.RUNNING.equals(run.record.state())) {
                catchUp(run, clock.instant());
            }
            if (!run.record.ended()) {
                end(run, RunRecord.STOPPED);
            }
        });
    }

    /** An agent action on a live run (plug, unplug, fault, ...), taken at its current virtual time. */
    public LiveState act(UUID workspaceId, UUID runId, Consumer<Simulation> action) {
        LiveRun run = liveRun(workspaceId, runId);
        synchronized (run) {
            requireNotEnded(run);
            if (RunRecord.RUNNING.equals(run.record.state())) {
                catchUp(run, clock.instant());
                requireNotEnded(run);
            }
            applyLimits(run);
            action.accept(run.simulation);
            return run.simulation.liveState();
        }
    }

    /** Moves every running run on to the real time {@code now}. */
    public void tick(Instant now) {
        for (LiveRun run : live.values()) {
            synchronized (run) {
                if (RunRecord.RUNNING.equals(run.record.state())) {
                    catchUp(run, now);
                }
            }
        }
    }

    public RunRecord get(UUID workspaceId, UUID runId) {
        LiveRun run = live.get(runId);
        if (run != null && run.record.workspaceId().equals(workspaceId)) {
            synchronized (run) {
                return run.record;
            }
        }
        return runs.find(workspaceId, runId).orElseThrow(() -> new NotFoundException("simulation run", runId));
    }

    public List<RunRecord> list(UUID workspaceId) {
        return runs.list(workspaceId).stream()
                .map(stored -> {
                    LiveRun run = live.get(stored.id());
                    return run == null ? stored : run.record;
                })
                .toList();
    }

    public LiveState liveState(UUID workspaceId, UUID runId) {
        LiveRun run = liveRun(workspaceId, runId);
        synchronized (run) {
            return run.simulation.liveState();
        }
    }

    /** The report so far of a live run, the stored one of an ended run. */
    public RunReport report(UUID workspaceId, UUID runId) {
        LiveRun run = live.get(runId);
        if (run != null && run.record.workspaceId().equals(workspaceId)) {
            synchronized (run) {
                return run.simulation.report();
            }
        }
        RunRecord stored = get(workspaceId, runId);
        if (stored.report() == null) {
            throw new ConflictException("run " + runId + " ended without a report (" + stored.state() + ")");
        }
        return stored.report();
    }

    /** How the run's connection to the suite is doing; empty for a run that drives nothing. */
    public Optional<DepotSuite.Status> suiteStatus(UUID workspaceId, UUID runId) {
        LiveRun run = liveRun(workspaceId, runId);
        return run.suite == null ? Optional.empty() : Optional.of(run.suite.status());
    }

    /** Runs a previous process left unfinished cannot go on: they are marked INTERRUPTED. */
    public int interruptLeftovers() {
        return runs.interruptUnfinished(clock.instant());
    }

    // ---- helpers ----

    private RunRecord change(UUID workspaceId, UUID runId, Consumer<LiveRun> change) {
        LiveRun run = liveRun(workspaceId, runId);
        synchronized (run) {
            change.accept(run);
            return run.record;
        }
    }

    private LiveRun liveRun(UUID workspaceId, UUID runId) {
        LiveRun run = live.get(runId);
        if (run == null || !run.record.workspaceId().equals(workspaceId)) {
            RunRecord stored =
                    runs.find(workspaceId, runId).orElseThrow(() -> new NotFoundException("simulation run", runId));
            throw new ConflictException("run " + runId + " has ended (" + stored.state() + ")");
        }
        return run;
    }

    private static void requireNotEnded(LiveRun run) {
        if (run.record.ended()) {
            throw new ConflictException("run " + run.record.id() + " has ended (" + run.record.state() + ")");
        }
    }

    private void catchUp(LiveRun run, Instant now) {
        if (run.lastTick == null || !now.isAfter(run.lastTick)) {
            return;
        }
        Duration real = Duration.between(run.lastTick, now);
        run.lastTick = now;
        applyLimits(run);
        run.simulation.advanceBy(real.multipliedBy(run.record.speed()));
        if (run.simulation.finished()) {
            end(run, RunRecord.FINISHED);
        }
    }

    /** Limits the CSMS set since the run last moved (charging profiles the chargers obey). */
    private static void applyLimits(LiveRun run) {
        for (PendingLimit limit = run.limits.poll(); limit != null; limit = run.limits.poll()) {
            run.simulation.limitCharger(limit.chargerId(), limit.kw());
        }
    }

    private void setState(LiveRun run, String state) {
        runs.updateState(run.record.id(), state);
        run.record = run.record.with(state);
    }

    private void end(LiveRun run, String state) {
        RunReport report = run.simulation.report();
        Instant at = clock.instant();
        runs.finish(run.record.id(), state, at, report);
        run.record = run.record.ended(state, at, report);
        live.remove(run.record.id());
        if (run.suite != null) {
            run.suite.close();
        }
    }
}
