package io.depotops.schedule.domain.problem;

import java.time.Instant;
import java.util.Set;

/**
 * One vehicle's need: present from {@code arrival} to {@code departure}, wanting {@code
 * energyNeededKwh}. Battery size and current state of charge are known when the need was given as a
 * target state of charge (or both were sent); the charge curve needs them.
 *
 * @param allowedChargers charger ids it may use; empty: any
 * @param priority weight of its unmet energy, 1 (lowest) and up
 */
public record VehicleDemand(
        String id,
        Instant arrival,
        Instant departure,
        double energyNeededKwh,
        Double batteryKwh,
        Double currentSoc,
        double maxPowerKw,
        ChargeCurve curve,
        Set<String> allowedChargers,
        int priority) {

    public VehicleDemand {
        allowedChargers = Set.copyOf(allowedChargers);
        if (curve != null && (batteryKwh == null || currentSoc == null)) {
            throw new IllegalArgumentException("a charge curve needs the battery size and state of charge");
        }
    }

    public boolean mayUse(String chargerId) {
        return allowedChargers.isEmpty() || allowedChargers.contains(chargerId);
    }

    public boolean knowsBattery() {
        return batteryKwh != null && currentSoc != null;
    }

    /** The most power it takes after {@code deliveredKwh} have gone in (its curve, if any). */
    public double maxPowerAfter(double deliveredKwh) {
        if (curve == null) {
            return maxPowerKw;
        }
        return curve.maxPower(maxPowerKw, currentSoc + deliveredKwh / batteryKwh);
    }

    public VehicleDemand withNeed(double energyKwh, Double soc) {
        return new VehicleDemand(
                id, arrival, departure, energyKwh, batteryKwh, soc, maxPowerKw, curve, allowedChargers, priority);
    }

    public VehicleDemand withStay(Instant newArrival, Instant newDeparture) {
        return new VehicleDemand(
                id,
                newArrival,
                newDeparture,
                energyNeededKwh,
                batteryKwh,
                currentSoc,
                maxPowerKw,
                curve,
                allowedChargers,
                priority);
    }
}
