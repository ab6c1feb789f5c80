package io.depotops.sim.domain.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated depot as the published schema ({@code simulation-config-v1.schema.json}) describes
 * it. Instances are made only from documents the schema accepted; {@link ConfigRules} checks what
 * a schema cannot (references between parts, unique ids).
 */
public record SimulationConfig(
        String name,
        String description,
        String timeZone,
        String start,
        String duration,
        Long seed,
        Integer stepSeconds,
        Integer meterIntervalSeconds,
        SiteNode site,
        List<ChargerGroup> chargers,
        List<VehicleGroup> vehicles,
        List<FaultInjection> faults) {

    public SimulationConfig {
        chargers = chargers == null ? List.of() : List.copyOf(chargers);
        vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.parse(start);
    }

    public Duration runLength() {
        return Duration.parse(duration);
    }

    public long defaultSeed() {
        return seed == null ? 1 : seed;
    }

    public Duration step() {
        return Duration.ofSeconds(stepSeconds == null ? 60 : stepSeconds);
    }

    public Duration meterInterval() {
        return Duration.ofSeconds(meterIntervalSeconds == null ? 60 : meterIntervalSeconds);
    }

    /** Every charger of every group, in configuration order. */
    public List<ChargerSpec> chargerSpecs() {
        List<ChargerSpec> all = new ArrayList<>();
        for (ChargerGroup group : chargers) {
            for (int i = 1; i <= group.count(); i++) {
                all.add(new ChargerSpec(group.idOf(i), group));
            }
        }
        return all;
    }

    /** Every vehicle of every group, in configuration order. */
    public List<VehicleSpec> vehicleSpecs() {
        List<VehicleSpec> all = new ArrayList<>();
        for (VehicleGroup group : vehicles) {
            for (int i = 1; i <= group.count(); i++) {
                all.add(new VehicleSpec(group.idOf(i), group));
            }
        }
        return all;
    }

    /** One charger of a group. */
    public record ChargerSpec(String id, ChargerGroup group) {}

    /** One vehicle of a group. */
    public record VehicleSpec(String id, VehicleGroup group) {}

    /** Member {@code number} (from 1) of a group: the prefix and the number, zero-padded to two digits at least. */
    static String memberId(String prefix, int number, int count) {
        int width = Math.max(2, Integer.toString(count).length());
        return prefix + String.format("%0" + width + "d", number);
    }
}
