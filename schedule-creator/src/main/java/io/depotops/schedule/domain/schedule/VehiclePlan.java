package io.depotops.schedule.domain.schedule;

import java.util.List;

/**
 * One vehicle's schedule: its connector (none when no allowed one was free), power per slot (kW,
 * average over the slot), energy it gets, its state of charge at departure when its battery is
 * known, the energy it will miss and which limits bound it.
 */
public record VehiclePlan(
        String vehicleId,
        ConnectorRef connector,
        double[] powerKw,
        double energyKwh,
        Double socAtDeparture,
        double unmetKwh,
        List<LimitBinding> limitedBy) {}
