package io.depotops.connect.application.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.MeterSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Reads the {@code meterValue} arrays of both OCPP versions (1.6 MeterValues, StopTransaction
 * transactionData; 2.0.1 MeterValues, TransactionEvent) into {@link MeterSample}s, one per
 * timestamp, in the units core expects.
 *
 * <ul>
 *   <li>Measurands: Energy.Active.Import.Register (the default when none is named) in Wh (kWh
 *       converted), Power.Active.Import in W (kW converted), Current.Import in A, Voltage in V,
 *       SoC in percent; others are ignored. 2.0.1's {@code unitOfMeasure.multiplier} is applied.
 *   <li>A value without phase wins; with phases only, energy and power are the sum of L1-L3,
 *       current the highest phase, voltage the mean (line-to-neutral values preferred).
 *   <li>Values measured at the grid side ({@code Inlet}) or in the body count only when no other
 *       location reported the measurand. 1.6 {@code SignedData} and unparseable values are skipped.
 * </ul>
 */
public final class MeterValueReader {

    static final String ENERGY = "Energy.Active.Import.Register";
    static final String POWER = "Power.Active.Import";
    static final String CURRENT = "Current.Import";
    static final String VOLTAGE = "Voltage";
    static final String SOC = "SoC";

    private record Value(String measurand, String location, String phase, double value) {}

    private MeterValueReader() {}

    /** One sample per distinct timestamp of {@code meterValues}, in the order they came. */
    public static List<MeterSample> read(
            JsonNode meterValues, Integer evseId, int connectorId, Long transactionId, String chargerTransactionId) {
        Map<Instant, List<Value>> byTime = new LinkedHashMap<>();
        if (meterValues == null || !meterValues.isArray()) {
            return List.of();
        }
        for (JsonNode meterValue : meterValues) {
            Instant at = Instant.parse(meterValue.get("timestamp").asText());
            List<Value> values = byTime.computeIfAbsent(at, ignored -> new ArrayList<>());
            for (JsonNode sampled : meterValue.path("sampledValue")) {
                Value value = value(sampled);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        List<MeterSample> samples = new ArrayList<>();
        byTime.forEach((at, values) -> {
            Double energy = pick(values, ENERGY, Aggregate.SUM);
            samples.add(new MeterSample(
                    evseId,
                    connectorId,
                    transactionId,
                    chargerTransactionId,
                    at,
                    energy == null ? null : Math.round(energy),
                    pick(values, POWER, Aggregate.SUM),
                    pick(values, CURRENT, Aggregate.MAX),
                    pick(values, VOLTAGE, Aggregate.MEAN),
                    pick(values, SOC, Aggregate.MEAN)));
        });
        return samples;
    }

    /**
     * The energy register in Wh of the last timestamp that has one (for a transaction's start or
     * stop meter), or null.
     */
    public static Long lastEnergyWh(JsonNode meterValues, String preferredContext) {
        if (meterValues == null || !meterValues.isArray()) {
            return null;
        }
        Long preferred = null;
        Long last = null;
        for (JsonNode meterValue : meterValues) {
            List<Value> values = new ArrayList<>();
            boolean inContext = false;
            for (JsonNode sampled : meterValue.path("sampledValue")) {
                Value value = value(sampled);
                if (value != null && value.measurand().equals(ENERGY)) {
                    values.add(value);
                    inContext |= preferredContext.equals(text(sampled, "context"));
                }
            }
            Double energy = pick(values, ENERGY, Aggregate.SUM);
            if (energy != null) {
                last = Math.round(energy);
                if (inContext) {
                    preferred = last;
                }
            }
        }
        return preferred != null ? preferred : last;
    }

    private enum Aggregate {
        SUM,
        MAX,
        MEAN
    }

    private static Double pick(List<Value> all, String measurand, Aggregate aggregate) {
        List<Value> values =
                all.stream().filter(v -> v.measurand().equals(measurand)).toList();
        if (values.isEmpty()) {
            return null;
        }
        List<Value> outlet = values.stream()
                .filter(v -> !"Inlet".equals(v.location()) && !"Body".equals(v.location()))
                .toList();
        if (!outlet.isEmpty()) {
            values = outlet;
        }
        for (Value value : values) {
            if (value.phase() == null) {
                return value.value();
            }
        }
        List<Value> phases =
                values.stream().filter(v -> v.phase().matches("L[123]")).toList();
        if (aggregate == Aggregate.MEAN) {
            List<Value> toNeutral =
                    values.stream().filter(v -> v.phase().endsWith("-N")).toList();
            phases = toNeutral.isEmpty() ? values : toNeutral;
        }
        if (phases.isEmpty()) {
            return null;
        }
        ToDoubleFunction<Value> number = Value::value;
        return switch (aggregate) {
            case SUM -> phases.stream().mapToDouble(number).sum();
            case MAX -> phases.stream().mapToDouble(number).max().orElseThrow();
            case MEAN -> phases.stream().mapToDouble(number).average().orElseThrow();
        };
    }

    private static Value value(JsonNode sampled) {
        String measurand = text(sampled, "measurand");
        if (measurand == null) {
            measurand = ENERGY;
        }
        if ("SignedData".equals(text(sampled, "format"))) {
            return null;
        }
        double raw;
        JsonNode node = sampled.get("value");
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            raw = node.asDouble();
        } else {
            try {
                raw = Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!Double.isFinite(raw)) {
            return null;
        }
        JsonNode unitOfMeasure = sampled.get("unitOfMeasure");
        String unit = unitOfMeasure != null ? text(unitOfMeasure, "unit") : text(sampled, "unit");
        if (unitOfMeasure != null && unitOfMeasure.hasNonNull("multiplier")) {
            raw = raw * Math.pow(10, unitOfMeasure.get("multiplier").asInt());
        }
        Double normalised = switch (measurand) {
            case ENERGY -> scaled(raw, unit, "Wh", "kWh");
            case POWER -> scaled(raw, unit, "W", "kW");
            case CURRENT -> unit == null || unit.equals("A") ? raw : null;
            case VOLTAGE -> unit == null || unit.equals("V") ? raw : null;
            case SOC -> unit == null || unit.equals("Percent") ? raw : null;
            default -> null;
        };
        return normalised == null
                ? null
                : new Value(measurand, text(sampled, "location"), text(sampled, "phase"), normalised);
    }

    /** {@code raw} in the base unit: as is for the base unit (the default), x1000 for the kilo one. */
    private static Double scaled(double raw, String unit, String base, String kilo) {
        if (unit == null || unit.equals(base)) {
            return raw;
        }
        if (unit.equals(kilo)) {
            return raw * 1000;
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
