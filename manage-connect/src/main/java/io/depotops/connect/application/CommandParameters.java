package io.depotops.connect.application;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters each command takes, checked the same way for every OCPP version: names, JSON
 * types, required ones, allowed words. Version-specific limits (e.g. 1.6 idTag length) are checked
 * by the schema of the OCPP call.
 */
public final class CommandParameters {

    /** One problem with one parameter ({@code field} is {@code parameters.<name>}). */
    public record Invalid(String field, String message) {}

    enum Kind {
        INT,
        LONG,
        NUMBER,
        STRING,
        BOOLEAN,
        INSTANT
    }

    record Spec(Kind kind, boolean required, Set<String> words) {
        static Spec required(Kind kind) {
            return new Spec(kind, true, Set.of());
        }

        static Spec optional(Kind kind) {
            return new Spec(kind, false, Set.of());
        }

        static Spec oneOf(String... words) {
            return new Spec(Kind.STRING, true, Set.of(words));
        }
    }

    static final Set<String> TRIGGERABLE = Set.of("BootNotification", "Heartbeat", "StatusNotification", "MeterValues");

    private static final Map<Type, Map<String, Spec>> SPECS = Map.of(
            Type.REMOTE_START, specs("evseId", Spec.optional(Kind.INT), "idToken", Spec.required(Kind.STRING)),
            Type.REMOTE_STOP,
                    specs(
                            "transactionId",
                            Spec.optional(Kind.LONG),
                            "chargerTransactionId",
                            Spec.optional(Kind.STRING)),
            Type.RESET, specs("type", Spec.oneOf("Soft", "Hard")),
            Type.UNLOCK_CONNECTOR, specs("evseId", Spec.required(Kind.INT), "connectorId", Spec.optional(Kind.INT)),
            Type.CHANGE_AVAILABILITY,
                    specs("evseId", Spec.required(Kind.INT), "operative", Spec.required(Kind.BOOLEAN)),
            Type.TRIGGER_MESSAGE,
                    specs("message", new Spec(Kind.STRING, true, TRIGGERABLE), "evseId", Spec.optional(Kind.INT)),
            Type.SET_CHARGING_LIMIT,
                    specs(
                            "evseId",
                            Spec.required(Kind.INT),
                            "limitKw",
                            Spec.required(Kind.NUMBER),
                            "validTo",
                            Spec.optional(Kind.INSTANT)),
            Type.CLEAR_CHARGING_LIMIT, specs("evseId", Spec.optional(Kind.INT)));

    private CommandParameters() {}

    /** Every problem with the command's parameters; empty when it can be mapped. */
    public static List<Invalid> check(ChargerCommand command) {
        List<Invalid> problems = new ArrayList<>();
        Map<String, Spec> specs = SPECS.get(command.type());
        Map<String, Object> given = command.parameters();
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                problems.add(new Invalid(
                        "parameters." + name, "unknown parameter of " + command.type() + "; known: " + specs.keySet()));
            }
        }
        specs.forEach((name, spec) -> {
            Object value = given.get(name);
            if (value == null) {
                if (spec.required()) {
                    problems.add(new Invalid("parameters." + name, "is required"));
                }
                return;
            }
            String wrong = wrongType(spec, value);
            if (wrong != null) {
                problems.add(new Invalid("parameters." + name, wrong));
            }
        });
        if (command.type() == Type.REMOTE_STOP
                && given.get("transactionId") == null
                && given.get("chargerTransactionId") == null) {
            problems.add(new Invalid("parameters.transactionId", "transactionId or chargerTransactionId is required"));
        }
        for (String nonNegative : List.of("evseId", "connectorId", "limitKw")) {
            if (given.get(nonNegative) instanceof Number number && number.doubleValue() < 0) {
                problems.add(new Invalid("parameters." + nonNegative, "must not be negative"));
            }
        }
        return problems;
    }

    private static String wrongType(Spec spec, Object value) {
        return switch (spec.kind()) {
            case INT ->
                integral(value) && Math.abs(((Number) value).longValue()) <= Integer.MAX_VALUE
                        ? null
                        : "must be an integer";
            case LONG -> integral(value) ? null : "must be an integer";
            case NUMBER -> value instanceof Number ? null : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case STRING -> {
                if (!(value instanceof String text) || text.isBlank()) {
                    yield "must be a non-empty string";
                }
                yield spec.words().isEmpty() || spec.words().contains(text) ? null : "must be one of " + spec.words();
            }
            case INSTANT -> {
                try {
                    Instant.parse(String.valueOf(value));
                    yield value instanceof String || value instanceof Instant ? null : "must be an ISO-8601 instant";
                } catch (DateTimeParseException e) {
                    yield "must be an ISO-8601 instant (e.g. 2025-01-01T10:00:00Z)";
                }
            }
        };
    }

    private static boolean integral(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof java.math.BigInteger big && big.bitLength() < 64
                || value instanceof Number number
                        && !(value instanceof java.math.BigInteger)
                        && number.doubleValue() == Math.rint(number.doubleValue())
                        && !Double.isInfinite(number.doubleValue());
    }

    private static Map<String, Spec> specs(Object... pairs) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            specs.put((String) pairs[i], (Spec) pairs[i + 1]);
        }
        return specs;
    }
}
