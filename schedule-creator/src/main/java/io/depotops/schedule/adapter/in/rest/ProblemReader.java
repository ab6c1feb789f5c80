package io.depotops.schedule.adapter.in.rest;

import io.depotops.contracts.schedule.ScheduleAlgorithmV1;
import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.ChargerV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.CircuitV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.HorizonV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.OptionsV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.TariffV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.VehicleV1;
import io.depotops.schedule.application.InvalidInputException;
import io.depotops.schedule.application.InvalidInputException.FieldProblem;
import io.depotops.schedule.application.plan.SolveOptions;
import io.depotops.schedule.domain.problem.ChargeCurve;
import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.Algorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a schedule request into the domain, checking every field on the way: each refusal names
 * the field as sent ({@code vehicles[3].departure}), all of them in one problem.
 */
final class ProblemReader {

    static final int MAX_SLOTS = 2016;
    static final int MAX_VEHICLES = 2000;
    static final int MAX_CHARGERS = 2000;
    static final int MAX_CELLS = 250_000;
    static final int MAX_TIME_LIMIT_MILLIS = 60_000;
    static final int DEFAULT_TIME_LIMIT_MILLIS = 2_000;
    private static final int MAX_ID = 100;
    // Bounds far above any depot that keep the solver's numbers sane (no overflow to infinity).
    static final double MAX_POWER_KW = 100_000;
    static final double MAX_ENERGY_KWH = 1_000_000;
    static final double MAX_PRICE = 1_000_000;

    private final List<FieldProblem> problems = new ArrayList<>();

    private ProblemReader() {}

    static ScheduleProblem problem(ScheduleRequestV1 request) {
        ProblemReader reader = new ProblemReader();
        ScheduleProblem problem = reader.read(request);
        reader.throwIfAny();
        return problem;
    }

    static SolveOptions options(OptionsV1 options) {
        ProblemReader reader = new ProblemReader();
        SolveOptions read = reader.readOptions(options, "options");
        reader.throwIfAny();
        return read;
    }

    /** Vehicles arriving in a re-plan, checked as in a request against the plan's chargers. */
    static List<VehicleDemand> arrivals(List<VehicleV1> vehicles, Set<String> chargerIds) {
        ProblemReader reader = new ProblemReader();
        List<VehicleDemand> read = reader.readVehicles(vehicles, "arrivals", chargerIds);
        reader.throwIfAny();
        return read;
    }

    static Duration timeLimit(Integer millis, String field) {
        ProblemReader reader = new ProblemReader();
        Duration read = millis == null ? null : reader.readTimeLimit(millis, field);
        reader.throwIfAny();
        return read;
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void fail(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    private ScheduleProblem read(ScheduleRequestV1 request) {
        if (request.workspaceId() == null) {
            fail("workspaceId", "is required");
        }
        Horizon horizon = readHorizon(request.horizon());
        if (horizon == null) {
            return null;
        }
        int slots = horizon.slots();
        List<Circuit> circuits = readCircuits(request.circuits(), slots);
        Set<String> circuitIds = new HashSet<>();
        circuits.forEach(c -> circuitIds.add(c.id()));
        List<Charger> chargers = readChargers(request.chargers(), circuitIds);
        Set<String> chargerIds = new HashSet<>();
        chargers.forEach(c -> chargerIds.add(c.id()));
        List<VehicleDemand> vehicles = readVehicles(request.vehicles(), "vehicles", chargerIds);
        if ((long) vehicles.size() * slots > MAX_CELLS) {
            fail("vehicles", "vehicles times slots must not exceed " + MAX_CELLS);
        }
        double[] siteLimit = perSlot(request.siteLimitKw(), "siteLimitKw", slots, null, 0);
        double[] baseLoad = perSlot(request.baseLoadKw(), "baseLoadKw", slots, 0.0, Double.NEGATIVE_INFINITY);
        Tariff tariff = readTariff(request.tariff(), slots);
        if (!problems.isEmpty()) {
            return null;
        }
        return new ScheduleProblem(horizon, vehicles, chargers, siteLimit, baseLoad, circuits, tariff);
    }

    private Horizon readHorizon(HorizonV1 horizon) {
        if (horizon == null) {
            fail("horizon", "is required");
            return null;
        }
        if (horizon.start() == null) {
            fail("horizon.start", "is required");
        }
        if (horizon.end() == null) {
            fail("horizon.end", "is required");
        }
        if (horizon.start() == null || horizon.end() == null) {
            return null;
        }
        if (!horizon.end().isAfter(horizon.start())) {
            fail("horizon.end", "must be after horizon.start");
            return null;
        }
        long minutes = Duration.between(horizon.start(), horizon.end()).toMinutes();
        if (Duration.between(horizon.start(), horizon.end()).toSeconds() % 60 != 0) {
            fail("horizon.end", "the horizon must be whole minutes long");
            return null;
        }
        List<Duration> lengths = new ArrayList<>();
        if (horizon.slotLengthsMinutes() != null) {
            if (horizon.slotMinutes() != null) {
                fail("horizon.slotMinutes", "give either slotMinutes or slotLengthsMinutes");
            }
            if (horizon.slotLengthsMinutes().isEmpty()
                    || horizon.slotLengthsMinutes().size() > MAX_SLOTS) {
                fail("horizon.slotLengthsMinutes", "must hold 1 to " + MAX_SLOTS + " slots");
                return null;
            }
            long sum = 0;
            for (int i = 0; i < horizon.slotLengthsMinutes().size(); i++) {
                Integer length = horizon.slotLengthsMinutes().get(i);
                if (length == null || length < 1 || length > 1440) {
                    fail("horizon.slotLengthsMinutes[" + i + "]", "must be 1 to 1440 minutes");
                    return null;
                }
                sum += length;
                lengths.add(Duration.ofMinutes(length));
            }
            if (sum != minutes) {
                fail(
                        "horizon.slotLengthsMinutes",
                        "the slots cover " + sum + " minutes but the horizon is " + minutes + " minutes long");
                return null;
            }
        } else {
            int slotMinutes = horizon.slotMinutes() == null ? 15 : horizon.slotMinutes();
            if (slotMinutes < 1 || slotMinutes > 1440) {
                fail("horizon.slotMinutes", "must be 1 to 1440");
                return null;
            }
            if (minutes % slotMinutes != 0) {
                fail(
                        "horizon.end",
                        "the horizon (" + minutes + " minutes) is not a whole number of " + slotMinutes
                                + "-minute slots");
                return null;
            }
            if (minutes / slotMinutes > MAX_SLOTS) {
                fail("horizon", "must not have more than " + MAX_SLOTS + " slots");
                return null;
            }
            for (long i = 0; i < minutes / slotMinutes; i++) {
                lengths.add(Duration.ofMinutes(slotMinutes));
            }
        }
        return new Horizon(horizon.start(), lengths);
    }

    private List<Circuit> readCircuits(List<CircuitV1> circuits, int slots) {
        List<Circuit> read = new ArrayList<>();
        if (circuits == null) {
            return read;
        }
        if (circuits.size() > MAX_CHARGERS) {
            fail("circuits", "must not hold more than " + MAX_CHARGERS);
            return read;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < circuits.size(); i++) {
            String field = "circuits[" + i + "]";
            CircuitV1 circuit = circuits.get(i);
            if (circuit == null) {
                fail(field, "must not be null");
                continue;
            }
            String id = id(circuit.id(), field + ".id", ids);
            double[] limit = perSlot(circuit.limitKw(), field + ".limitKw", slots, null, 0);
            if (id != null && limit != null) {
                read.add(new Circuit(id, limit));
            }
        }
        return read;
    }

    private List<Charger> readChargers(List<ChargerV1> chargers, Set<String> circuitIds) {
        List<Charger> read = new ArrayList<>();
        if (chargers == null) {
            fail("chargers", "is required");
            return read;
        }
        if (chargers.size() > MAX_CHARGERS) {
            fail("chargers", "must not hold more than " + MAX_CHARGERS);
            return read;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < chargers.size(); i++) {
            String field = "chargers[" + i + "]";
            ChargerV1 charger = chargers.get(i);
            if (charger == null) {
                fail(field, "must not be null");
                continue;
            }
            String id = id(charger.id(), field + ".id", ids);
            Double power = positive(charger.maxPowerKw(), field + ".maxPowerKw", MAX_POWER_KW);
            int connectors = charger.connectors() == null ? 1 : charger.connectors();
            if (connectors < 1 || connectors > 64) {
                fail(field + ".connectors", "must be 1 to 64");
            }
            if (charger.circuit() != null && !circuitIds.contains(charger.circuit())) {
                fail(field + ".circuit", "unknown circuit");
            }
            if (id != null && power != null) {
                read.add(new Charger(id, power, connectors, charger.circuit()));
            }
        }
        return read;
    }

    private List<VehicleDemand> readVehicles(List<VehicleV1> vehicles, String list, Set<String> chargerIds) {
        List<VehicleDemand> read = new ArrayList<>();
        if (vehicles == null) {
            fail(list, "is required");
            return read;
        }
        if (vehicles.size() > MAX_VEHICLES) {
            fail(list, "must not hold more than " + MAX_VEHICLES);
            return read;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < vehicles.size(); i++) {
            String field = list + "[" + i + "]";
            VehicleV1 vehicle = vehicles.get(i);
            if (vehicle == null) {
                fail(field, "must not be null");
                continue;
            }
            VehicleDemand demand = readVehicle(vehicle, field, ids, chargerIds);
            if (demand != null) {
                read.add(demand);
            }
        }
        return read;
    }

    private VehicleDemand readVehicle(VehicleV1 vehicle, String field, Set<String> ids, Set<String> chargerIds) {
        int before = problems.size();
        String id = id(vehicle.id(), field + ".id", ids);
        if (vehicle.arrival() == null) {
            fail(field + ".arrival", "is required");
        }
        if (vehicle.departure() == null) {
            fail(field + ".departure", "is required");
        }
        if (vehicle.arrival() != null
                && vehicle.departure() != null
                && !vehicle.departure().isAfter(vehicle.arrival())) {
            fail(field + ".departure", "must be after the arrival");
        }
        Double maxPower = positive(vehicle.maxPowerKw(), field + ".maxPowerKw", MAX_POWER_KW);
        Double battery = vehicle.batteryKwh() == null
                ? null
                : positive(vehicle.batteryKwh(), field + ".batteryKwh", MAX_ENERGY_KWH);
        Double soc = share(vehicle.currentSoc(), field + ".currentSoc");
        Double need = null;
        if (vehicle.energyNeededKwh() != null) {
            if (vehicle.targetSoc() != null) {
                fail(field + ".targetSoc", "give either energyNeededKwh or targetSoc");
            }
            need = nonNegative(vehicle.energyNeededKwh(), field + ".energyNeededKwh", MAX_ENERGY_KWH);
        } else if (vehicle.targetSoc() != null) {
            Double target = share(vehicle.targetSoc(), field + ".targetSoc");
            if (vehicle.batteryKwh() == null) {
                fail(field + ".batteryKwh", "is required with targetSoc");
            }
            if (vehicle.currentSoc() == null) {
                fail(field + ".currentSoc", "is required with targetSoc");
            }
            if (target != null && battery != null && soc != null) {
                need = Math.max(0, (target - soc) * battery);
            }
        } else {
            fail(field + ".energyNeededKwh", "give energyNeededKwh, or targetSoc with batteryKwh and currentSoc");
        }
        ChargeCurve curve = null;
        if (vehicle.taperAboveSoc() != null) {
            double taper = vehicle.taperAboveSoc();
            if (!(taper >= 0 && taper < 1)) {
                fail(field + ".taperAboveSoc", "must be at least 0 and below 1");
            } else if (vehicle.batteryKwh() == null || vehicle.currentSoc() == null) {
                fail(field + ".taperAboveSoc", "needs batteryKwh and currentSoc");
            } else {
                curve = new ChargeCurve(taper);
            }
        }
        Set<String> allowed = new HashSet<>();
        if (vehicle.allowedChargers() != null) {
            for (int c = 0; c < vehicle.allowedChargers().size(); c++) {
                String charger = vehicle.allowedChargers().get(c);
                if (charger == null || !chargerIds.contains(charger)) {
                    fail(field + ".allowedChargers[" + c + "]", "unknown charger");
                } else {
                    allowed.add(charger);
                }
            }
        }
        int priority = vehicle.priority() == null ? 1 : vehicle.priority();
        if (priority < 1 || priority > 1000) {
            fail(field + ".priority", "must be 1 to 1000");
        }
        if (problems.size() > before) {
            return null;
        }
        boolean knowsBattery = battery != null && soc != null;
        return new VehicleDemand(
                id,
                vehicle.arrival(),
                vehicle.departure(),
                need,
                knowsBattery ? battery : null,
                knowsBattery ? soc : null,
                maxPower,
                curve,
                allowed,
                priority);
    }

    private Tariff readTariff(TariffV1 tariff, int slots) {
        if (tariff == null) {
            return Tariff.free(slots);
        }
        double[] energy =
                perSlot(tariff.energyPricePerKwh(), "tariff.energyPricePerKwh", slots, 0.0, Double.NEGATIVE_INFINITY);
        double[] export =
                perSlot(tariff.exportPricePerKwh(), "tariff.exportPricePerKwh", slots, 0.0, Double.NEGATIVE_INFINITY);
        double demand = tariff.demandChargePerKw() == null ? 0 : tariff.demandChargePerKw();
        if (!(demand >= 0 && demand <= MAX_PRICE)) {
            fail("tariff.demandChargePerKw", "must be 0 to " + MAX_PRICE);
        }
        if (energy != null && export != null) {
            for (int t = 0; t < slots; t++) {
                if (export[t] > energy[t]) {
                    fail(
                            "tariff.exportPricePerKwh",
                            "must not exceed the energy price of the same slot (slot " + t + ")");
                    break;
                }
            }
        }
        return energy == null || export == null ? null : new Tariff(energy, demand, export);
    }

    private SolveOptions readOptions(OptionsV1 options, String field) {
        if (options == null) {
            return new SolveOptions(Algorithm.OPTIMISER, Duration.ofMillis(DEFAULT_TIME_LIMIT_MILLIS), true);
        }
        Algorithm algorithm = options.algorithm() == null
                ? Algorithm.OPTIMISER
                : Algorithm.valueOf(options.algorithm().name());
        Duration limit = options.timeLimitMillis() == null
                ? Duration.ofMillis(DEFAULT_TIME_LIMIT_MILLIS)
                : readTimeLimit(options.timeLimitMillis(), field + ".timeLimitMillis");
        return new SolveOptions(algorithm, limit, options.minimisePeak() == null || options.minimisePeak());
    }

    private Duration readTimeLimit(int millis, String field) {
        if (millis < 1 || millis > MAX_TIME_LIMIT_MILLIS) {
            fail(field, "must be 1 to " + MAX_TIME_LIMIT_MILLIS + " ms");
            return null;
        }
        return Duration.ofMillis(millis);
    }

    static ScheduleAlgorithmV1 wire(Algorithm algorithm) {
        return ScheduleAlgorithmV1.valueOf(algorithm.name());
    }

    private double[] perSlot(List<Double> values, String field, int slots, Double fallback, double min) {
        return perSlot(values, field, slots, fallback, min, min == 0 ? MAX_POWER_KW * 100 : MAX_PRICE);
    }

    private double[] perSlot(List<Double> values, String field, int slots, Double fallback, double min, double max) {
        if (values == null || values.isEmpty()) {
            if (fallback == null) {
                fail(field, "is required: one value, or one per slot");
                return null;
            }
            double[] filled = new double[slots];
            java.util.Arrays.fill(filled, fallback);
            return filled;
        }
        if (values.size() != 1 && values.size() != slots) {
            fail(field, "must hold one value or one per slot (" + slots + "), not " + values.size());
            return null;
        }
        double[] read = new double[slots];
        for (int t = 0; t < slots; t++) {
            Double value = values.get(values.size() == 1 ? 0 : t);
            if (value == null || value.isNaN() || value.isInfinite() || value < min) {
                fail(
                        values.size() == 1 ? field + "[0]" : field + "[" + t + "]",
                        min == 0 ? "must be a number of at least 0" : "must be a finite number");
                return null;
            }
            read[t] = value;
        }
        return read;
    }

    private String id(String id, String field, Set<String> seen) {
        if (id == null || id.isBlank()) {
            fail(field, "is required");
            return null;
        }
        if (id.length() > MAX_ID) {
            fail(field, "must not be longer than " + MAX_ID);
            return null;
        }
        if (!seen.add(id)) {
            fail(field, "is used twice");
            return null;
        }
        return id;
    }

    private Double positive(Double value, String field, double max) {
        if (value == null) {
            fail(field, "is required");
            return null;
        }
        if (!(value > 0 && value <= max)) {
            fail(field, "must be above 0 and at most " + max);
            return null;
        }
        return value;
    }

    private Double nonNegative(Double value, String field, double max) {
        if (!(value >= 0 && value <= max)) {
            fail(field, "must be 0 to " + max);
            return null;
        }
        return value;
    }

    private Double share(Double value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value >= 0 && value <= 1)) {
            fail(field, "must be 0 to 1");
            return null;
        }
        return value;
    }
}
