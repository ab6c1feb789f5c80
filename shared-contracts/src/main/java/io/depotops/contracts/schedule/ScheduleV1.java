package io.depotops.contracts.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A schedule: power per vehicle per slot (kW, average over the slot) on its connector, what each
 * vehicle gets and misses and which limit bound it, the site's import per slot, the peak, the cost
 * and how it was solved. A kept plan has an id, a version and an expiry.
 */
public record ScheduleV1(
        UUID planId,
        long version,
        Instant expiresAt,
        List<Instant> slotStarts,
        List<VehicleScheduleV1> vehicles,
        List<Double> siteImportKw,
        double peakKw,
        CostV1 cost,
        double unmetKwh,
        SolverV1 solver) {

    public record VehicleScheduleV1(
            String vehicleId,
            String chargerId,
            Integer connector,
            List<Double> powerKw,
            double energyKwh,
            Double socAtDeparture,
            double unmetKwh,
            List<LimitV1> limitedBy) {}

    /**
     * A limit that bound a vehicle: NO_FREE_CONNECTOR, STAY_AND_VEHICLE_POWER, CHARGE_CURVE,
     * CHARGER_POWER (ref: the charger), CIRCUIT_LIMIT (ref: the circuit), SITE_LIMIT.
     */
    public record LimitV1(String limit, String ref) {}

    public record CostV1(double energy, double exportCredit, double demandCharge, double total) {}

    /**
     * status: OPTIMAL or HEURISTIC (asked for, or the optimiser ran out of time, failed or could not
     * run: least laxity first answered); timeLimitReached: the time limit cut the optimiser;
     * degraded: the optimiser was asked for but could not run.
     */
    public record SolverV1(
            ScheduleAlgorithmV1 algorithm,
            String status,
            Double gap,
            long solveMillis,
            boolean timeLimitReached,
            boolean degraded,
            String note) {}
}
