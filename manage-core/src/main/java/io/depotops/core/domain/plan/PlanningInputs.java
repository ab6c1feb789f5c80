package io.depotops.core.domain.plan;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a depot's plan was made from, as far as a change of it calls for a new plan: the vehicles
 * planned (departure, state of charge, target, power), those left out, the chargers and the sites'
 * limits, the tariffs (by version) and the vehicles plugged in. Prices per slot and the horizon's
 * start are left out: they move with the clock alone, and the plan's expiry covers that.
 */
public record PlanningInputs(
        Map<UUID, Vehicle> vehicles,
        Set<UUID> skipped,
        Map<UUID, String> chargers,
        Map<UUID, Double> limitsKw,
        Set<String> tariffs,
        Set<String> pluggedIn) {

    /** One planned vehicle; states of charge in percent. */
    public record Vehicle(Instant departure, double socPercent, double targetSocPercent, double maxPowerKw) {}

    public PlanningInputs {
        vehicles = new TreeMap<>(vehicles);
        skipped = new TreeSet<>(skipped);
        chargers = new TreeMap<>(chargers);
        limitsKw = new TreeMap<>(limitsKw);
        tariffs = new TreeSet<>(tariffs);
        pluggedIn = new TreeSet<>(pluggedIn);
    }

    /** The inputs of {@code problem}, with what the problem does not carry. */
    public static PlanningInputs of(
            ChargingProblem problem, Set<UUID> skipped, Set<String> tariffs, Set<String> pluggedIn) {
        Map<UUID, Vehicle> vehicles = new TreeMap<>();
        for (ChargingProblem.PlannedVehicle v : problem.vehicles()) {
            vehicles.put(
                    v.vehicleId(),
                    new Vehicle(v.departure(), 100 * v.currentSoc(), 100 * v.targetSoc(), v.maxPowerKw()));
        }
        Map<UUID, String> chargers = new TreeMap<>();
        for (ChargingProblem.PlannedCharger c : problem.chargers()) {
            chargers.put(c.chargerId(), c.maxPowerKw() + " kW x " + c.connectors() + " on " + c.siteId());
        }
        Map<UUID, Double> limits = new TreeMap<>();
        for (ChargingProblem.Circuit circuit : problem.circuits()) {
            limits.put(circuit.siteId(), circuit.limitKw());
        }
        return new PlanningInputs(vehicles, skipped, chargers, limits, tariffs, pluggedIn);
    }

    /**
     * Whether these inputs call for a new plan against {@code planned}: a vehicle arrived, left or
     * changed its departure, target or power; its state of charge moved by {@code socThresholdPercent}
     * or more; a vehicle plugged in or out; a charger, a limit or a tariff changed.
     */
    public boolean differsFrom(PlanningInputs planned, double socThresholdPercent) {
        if (!vehicles.keySet().equals(planned.vehicles.keySet())
                || !skipped.equals(planned.skipped)
                || !chargers.equals(planned.chargers)
                || !limitsKw.equals(planned.limitsKw)
                || !tariffs.equals(planned.tariffs)
                || !pluggedIn.equals(planned.pluggedIn)) {
            return true;
        }
        for (Map.Entry<UUID, Vehicle> entry : vehicles.entrySet()) {
            Vehicle now = entry.getValue();
            Vehicle then = planned.vehicles.get(entry.getKey());
            if (!now.departure().equals(then.departure())
                    || now.targetSocPercent() != then.targetSocPercent()
                    || now.maxPowerKw() != then.maxPowerKw()
                    || Math.abs(now.socPercent() - then.socPercent()) >= socThresholdPercent) {
                return true;
            }
        }
        return false;
    }
}
