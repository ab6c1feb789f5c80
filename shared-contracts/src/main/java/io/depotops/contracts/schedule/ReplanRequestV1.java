package io.depotops.contracts.schedule;

import io.depotops.contracts.schedule.ScheduleRequestV1.VehicleV1;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes to a plan as of {@code at} (default: now): the plan is taken as applied before the slot
 * holding {@code at}, the rest is planned again. {@code basedOnVersion} must be the plan's current
 * version. Maps are keyed by vehicle or circuit id.
 */
public record ReplanRequestV1(
        Long basedOnVersion,
        Instant at,
        List<VehicleV1> arrivals,
        Map<String, Instant> departures,
        Map<String, Double> socUpdates,
        Map<String, Double> energyUpdates,
        Double siteLimitKw,
        Map<String, Double> circuitLimitsKw,
        Integer timeLimitMillis) {}
