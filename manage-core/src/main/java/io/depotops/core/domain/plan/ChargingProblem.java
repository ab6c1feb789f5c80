package io.depotops.core.domain.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What core asks the optimiser: a depot's vehicles until their next departure, its chargers on the
 * circuits of its sites, the sites' limits and the tariff, over {@code start}..{@code end} in slots
 * of {@code slotMinutes}. States of charge 0 to 1, powers in kW, energy in kWh.
 */
public record ChargingProblem(
        UUID workspaceId,
        Instant start,
        Instant end,
        int slotMinutes,
        List<PlannedVehicle> vehicles,
        List<PlannedCharger> chargers,
        List<Circuit> circuits,
        double siteLimitKw,
        List<Double> energyPricePerKwh,
        double demandChargePerKw) {

    public ChargingProblem {
        vehicles = List.copyOf(vehicles);
        chargers = List.copyOf(chargers);
        circuits = List.copyOf(circuits);
        energyPricePerKwh = List.copyOf(energyPricePerKwh);
    }

    /** A vehicle to charge from {@code arrival} until {@code departure} up to {@code targetSoc}. */
    public record PlannedVehicle(
            UUID vehicleId,
            Instant arrival,
            Instant departure,
            double batteryKwh,
            double currentSoc,
            double targetSoc,
            double maxPowerKw) {}

    /** A charger with its connectors sharing {@code maxPowerKw}, on the circuit of its site. */
    public record PlannedCharger(UUID chargerId, double maxPowerKw, int connectors, UUID siteId) {}

    /** A site of the depot as a circuit with its grid capacity. */
    public record Circuit(UUID siteId, double limitKw) {}
}
