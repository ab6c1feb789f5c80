package io.depotops.contracts.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A depot's charging problem for schedule-creator ({@code POST /api/v1/schedules}, and core on
 * {@code /internal/v1/schedules}). Per-slot lists hold one value for every slot, or a single value
 * for all slots. Powers in kW, energies in kWh, states of charge 0 to 1, prices per kWh and per kW.
 */
public record ScheduleRequestV1(
        UUID workspaceId,
        HorizonV1 horizon,
        List<VehicleV1> vehicles,
        List<ChargerV1> chargers,
        List<Double> siteLimitKw,
        List<Double> baseLoadKw,
        List<CircuitV1> circuits,
        TariffV1 tariff,
        OptionsV1 options) {

    /**
     * From {@code start} to {@code end}, in slots of {@code slotMinutes} (default 15) or of the
     * given {@code slotLengthsMinutes}, which must add up to the horizon.
     */
    public record HorizonV1(Instant start, Instant end, Integer slotMinutes, List<Integer> slotLengthsMinutes) {}

    /**
     * A vehicle: the energy it needs, or a target state of charge with its battery size and current
     * state of charge. Its power tapers linearly to zero above {@code taperAboveSoc} when given.
     * No {@code allowedChargers}: any charger. Priority 1 (default) and up weighs its unmet energy.
     */
    public record VehicleV1(
            String id,
            Instant arrival,
            Instant departure,
            Double energyNeededKwh,
            Double targetSoc,
            Double batteryKwh,
            Double currentSoc,
            Double maxPowerKw,
            Double taperAboveSoc,
            List<String> allowedChargers,
            Integer priority) {}

    /** A charger; its connectors (default 1) share its maximum power; {@code circuit}: the circuit it hangs on. */
    public record ChargerV1(String id, Double maxPowerKw, Integer connectors, String circuit) {}

    /** A circuit of the site and its limit per slot. */
    public record CircuitV1(String id, List<Double> limitKw) {}

    /** Prices per slot; the demand charge applies to the horizon's peak import. All default to 0. */
    public record TariffV1(List<Double> energyPricePerKwh, Double demandChargePerKw, List<Double> exportPricePerKwh) {}

    /**
     * How to solve: {@code algorithm} (default OPTIMISER), the optimiser's time limit (default 2000
     * ms), whether its last stage flattens the peak (default true).
     */
    public record OptionsV1(ScheduleAlgorithmV1 algorithm, Integer timeLimitMillis, Boolean minimisePeak) {}
}
