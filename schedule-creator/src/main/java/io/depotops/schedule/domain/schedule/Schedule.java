package io.depotops.schedule.domain.schedule;

import java.util.List;

/** A schedule for a problem and what it achieves; site load is the import per slot (kW). */
public record Schedule(
        List<VehiclePlan> vehicles,
        double[] siteLoadKw,
        double peakKw,
        Cost cost,
        double unmetKwh,
        SolverReport solver) {}
