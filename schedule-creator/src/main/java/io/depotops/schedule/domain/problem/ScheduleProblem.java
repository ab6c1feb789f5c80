package io.depotops.schedule.domain.problem;

import java.util.List;

/**
 * A depot's charging problem over a horizon. Every per-slot array has one value per slot of the
 * horizon; the uncontrolled base load is part of the site's load (negative: local generation).
 */
public record ScheduleProblem(
        Horizon horizon,
        List<VehicleDemand> vehicles,
        List<Charger> chargers,
        double[] siteLimitKw,
        double[] baseLoadKw,
        List<Circuit> circuits,
        Tariff tariff) {

    public ScheduleProblem {
        vehicles = List.copyOf(vehicles);
        chargers = List.copyOf(chargers);
        circuits = List.copyOf(circuits);
    }

    public ScheduleProblem withVehicles(List<VehicleDemand> changed) {
        return new ScheduleProblem(horizon, changed, chargers, siteLimitKw, baseLoadKw, circuits, tariff);
    }
}
