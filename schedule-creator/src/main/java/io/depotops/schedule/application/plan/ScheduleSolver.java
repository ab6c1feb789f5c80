package io.depotops.schedule.application.plan;

import io.depotops.schedule.application.port.Optimiser;
import io.depotops.schedule.application.port.Optimiser.OptimiserUnavailableException;
import io.depotops.schedule.domain.heuristic.PriorityHeuristic;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.schedule.Algorithm;
import io.depotops.schedule.domain.schedule.ConnectorAssignment;
import io.depotops.schedule.domain.schedule.ConnectorRef;
import io.depotops.schedule.domain.schedule.Layout;
import io.depotops.schedule.domain.schedule.Schedule;
import io.depotops.schedule.domain.schedule.ScheduleEvaluation;
import io.depotops.schedule.domain.schedule.SolveStatus;
import io.depotops.schedule.domain.schedule.SolverReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Makes a schedule: assigns connectors, then runs the optimiser or a heuristic. An optimiser that
 * cannot run, fails, or runs out of time before its first stage is answered by least laxity first,
 * flagged; never an error.
 */
@ApplicationScoped
public class ScheduleSolver {

    private static final Logger LOG = Logger.getLogger(ScheduleSolver.class);

    private final Optimiser optimiser;

    public ScheduleSolver(Optimiser optimiser) {
        this.optimiser = optimiser;
    }

    public Schedule solve(ScheduleProblem problem, SolveOptions options, Map<String, ConnectorRef> keep) {
        long started = System.nanoTime();
        Layout layout = new Layout(problem, ConnectorAssignment.assign(problem, keep));
        if (options.algorithm() != Algorithm.OPTIMISER) {
            double[][] power = PriorityHeuristic.schedule(layout, options.algorithm());
            return ScheduleEvaluation.of(
                    layout,
                    power,
                    new SolverReport(
                            options.algorithm(),
                            SolveStatus.HEURISTIC,
                            null,
                            millisSince(started),
                            false,
                            false,
                            null));
        }
        try {
            Optimiser.Outcome outcome = optimiser.solve(layout, options.timeLimit(), options.minimisePeak());
            if (outcome.powerKw() != null) {
                return ScheduleEvaluation.of(
                        layout,
                        outcome.powerKw(),
                        new SolverReport(
                                Algorithm.OPTIMISER,
                                outcome.status(),
                                outcome.gap(),
                                millisSince(started),
                                outcome.timeLimitReached(),
                                false,
                                outcome.note()));
            }
            return fallback(layout, started, outcome.timeLimitReached(), false, outcome.note());
        } catch (OptimiserUnavailableException e) {
            return fallback(layout, started, false, true, "optimiser unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The optimiser failed; least laxity first answers");
            return fallback(layout, started, false, true, "optimiser failed");
        }
    }

    public boolean optimiserAvailable() {
        return optimiser.available();
    }

    private static Schedule fallback(Layout layout, long started, boolean timeLimit, boolean degraded, String note) {
        double[][] power = PriorityHeuristic.schedule(layout, Algorithm.LEAST_LAXITY_FIRST);
        return ScheduleEvaluation.of(
                layout,
                power,
                new SolverReport(
                        Algorithm.LEAST_LAXITY_FIRST,
                        SolveStatus.HEURISTIC,
                        null,
                        millisSince(started),
                        timeLimit,
                        degraded,
                        note));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
