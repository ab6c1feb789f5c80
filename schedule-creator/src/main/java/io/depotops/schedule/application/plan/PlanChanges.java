package io.depotops.schedule.application.plan;

import io.depotops.schedule.domain.problem.VehicleDemand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What changed since a plan was made, as of {@code at}: the slots before the one holding {@code at}
 * are past (the plan was applied there); the rest is planned again.
 *
 * @param arrivals vehicles that were not in the plan
 * @param departures new departure per vehicle id (a vehicle that left: {@code at})
 * @param socUpdates a newly measured state of charge per vehicle id
 * @param energyUpdates a new remaining energy need per vehicle id (vehicles without a known battery)
 * @param siteLimitKw the site's limit from {@code at} on; null: unchanged
 * @param circuitLimitsKw a circuit's limit from {@code at} on, per circuit id
 */
public record PlanChanges(
        Instant at,
        List<VehicleDemand> arrivals,
        Map<String, Instant> departures,
        Map<String, Double> socUpdates,
        Map<String, Double> energyUpdates,
        Double siteLimitKw,
        Map<String, Double> circuitLimitsKw,
        Duration timeLimit) {}
