package io.depotops.twin.domain.model;

import io.depotops.physics.Battery;
import io.depotops.physics.ChargeCurve;
import java.time.Instant;
import java.util.List;

/** A vehicle as last confirmed: battery and charge curve, state of charge, next departure, plan. */
public record VehicleState(
        String vehicleId,
        double batteryKwh,
        double maxAcKw,
        double maxDcKw,
        Double taperAboveSocPercent,
        Double powerAtFullPercent,
        Double socPercent,
        Instant socConfirmedAt,
        double targetSocPercent,
        Instant nextDepartureAt,
        List<PlannedStep> plannedPower) {

    public VehicleState {
        plannedPower = plannedPower == null ? List.of() : List.copyOf(plannedPower);
    }

    public VehicleState withSoc(double soc, Instant at) {
        return new VehicleState(
                vehicleId,
                batteryKwh,
                maxAcKw,
                maxDcKw,
                taperAboveSocPercent,
                powerAtFullPercent,
                soc,
                at,
                targetSocPercent,
                nextDepartureAt,
                plannedPower);
    }

    public VehicleState withDeparture(Instant departure) {
        return new VehicleState(
                vehicleId,
                batteryKwh,
                maxAcKw,
                maxDcKw,
                taperAboveSocPercent,
                powerAtFullPercent,
                socPercent,
                socConfirmedAt,
                targetSocPercent,
                departure,
                plannedPower);
    }

    public Battery battery() {
        return new Battery(batteryKwh);
    }

    /** The curve on a charger of that current; a vehicle without its own maximum takes the charger's. */
    public ChargeCurve chargeCurve(boolean dc, double chargerMaxKw) {
        double own = dc ? maxDcKw : maxAcKw;
        double max = own > 0 ? Math.min(own, chargerMaxKw) : chargerMaxKw;
        return taperAboveSocPercent == null
                ? ChargeCurve.flat(max)
                : new ChargeCurve(max, taperAboveSocPercent, powerAtFullPercent == null ? 100 : powerAtFullPercent);
    }

    /** The charging plan's power from {@code from} on. */
    public record PlannedStep(Instant from, double powerKw) {}
}
