package io.depotops.connect.application.command;

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
        INSTANT,
        /** A list of non-empty strings. */
        STRINGS,
        /** A list of local authorisation list entries ({@link #ENTRY}). */
        ENTRIES,
        /** A JSON object. */
        OBJECT,
        /** Any JSON value. */
        ANY
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

        static Spec optionalOneOf(String... words) {
            return new Spec(Kind.STRING, false, Set.of(words));
        }
    }

    static final Set<String> TRIGGERABLE = Set.of("BootNotification", "Heartbeat", "StatusNotification", "MeterValues");

    /** Token statuses both versions know in a local authorisation list. */
    static final Set<String> LIST_STATUSES = Set.of("Accepted", "Blocked", "Expired", "Invalid");

    /** One entry of SEND_LOCAL_LIST's {@code entries}. */
    static final Map<String, Spec> ENTRY = specs(
            "idToken",
            Spec.required(Kind.STRING),
            "status",
            new Spec(Kind.STRING, false, LIST_STATUSES),
            "expiry",
            Spec.optional(Kind.INSTANT));

    private static final Map<Type, Map<String, Spec>> SPECS = Map.ofEntries(
            Map.entry(
                    Type.REMOTE_START, specs("evseId", Spec.optional(Kind.INT), "idToken", Spec.required(Kind.STRING))),
            Map.entry(
                    Type.REMOTE_STOP,
                    specs(
                            "transactionId",
                            Spec.optional(Kind.LONG),
                            "chargerTransactionId",
                            Spec.optional(Kind.STRING))),
            Map.entry(Type.RESET, specs("type", Spec.oneOf("Soft", "Hard"))),
            Map.entry(
                    Type.UNLOCK_CONNECTOR,
                    specs("evseId", Spec.required(Kind.INT), "connectorId", Spec.optional(Kind.INT))),
            Map.entry(
                    Type.CHANGE_AVAILABILITY,
                    specs("evseId", Spec.required(Kind.INT), "operative", Spec.required(Kind.BOOLEAN))),
            Map.entry(
                    Type.TRIGGER_MESSAGE,
                    specs("message", new Spec(Kind.STRING, true, TRIGGERABLE), "evseId", Spec.optional(Kind.INT))),
            Map.entry(
                    Type.SET_CHARGING_LIMIT,
                    specs(
                            "evseId",
                            Spec.required(Kind.INT),
                            "limitKw",
                            Spec.required(Kind.NUMBER),
                            "validTo",
                            Spec.optional(Kind.INSTANT))),
            Map.entry(Type.CLEAR_CHARGING_LIMIT, specs("evseId", Spec.optional(Kind.INT))),
            Map.entry(Type.GET_CONFIGURATION, specs("keys", Spec.optional(Kind.STRINGS))),
            Map.entry(
                    Type.SET_CONFIGURATION,
                    specs("key", Spec.required(Kind.STRING), "value", Spec.required(Kind.STRING))),
            Map.entry(Type.CLEAR_CACHE, specs()),
            Map.entry(
                    Type.GET_COMPOSITE_SCHEDULE,
                    specs(
                            "evseId",
                            Spec.required(Kind.INT),
                            "durationSeconds",
                            Spec.required(Kind.INT),
                            "unit",
                            Spec.optionalOneOf("W", "A"))),
            Map.entry(
                    Type.UPDATE_FIRMWARE,
                    specs(
                            "location",
                            Spec.required(Kind.STRING),
                            "retrieveAt",
                            Spec.required(Kind.INSTANT),
                            "retries",
                            Spec.optional(Kind.INT),
                            "retryIntervalSeconds",
                            Spec.optional(Kind.INT))),
            Map.entry(Type.UPLOAD_DIAGNOSTICS, specs("location", Spec.required(Kind.STRING))),
            Map.entry(
                    Type.SEND_LOCAL_LIST,
                    specs(
                            "version",
                            Spec.required(Kind.INT),
                            "updateType",
                            Spec.oneOf("Full", "Differential"),
                            "entries",
                            Spec.required(Kind.ENTRIES))),
            Map.entry(Type.GET_LOCAL_LIST_VERSION, specs()),
            Map.entry(
                    Type.RESERVE_NOW,
                    specs(
                            "evseId",
                            Spec.required(Kind.INT),
                            "idToken",
                            Spec.required(Kind.STRING),
                            "expiresAt",
                            Spec.required(Kind.INSTANT),
                            "reservationId",
                            Spec.required(Kind.INT))),
            Map.entry(Type.CANCEL_RESERVATION, specs("reservationId", Spec.required(Kind.INT))),
            Map.entry(
                    Type.DATA_TRANSFER,
                    specs(
                            "vendorId",
                            Spec.required(Kind.STRING),
                            "messageId",
                            Spec.optional(Kind.STRING),
                            "data",
                            Spec.optional(Kind.ANY))),
            Map.entry(
                    Type.OCPP_CALL,
                    specs("action", Spec.required(Kind.STRING), "payload", Spec.optional(Kind.OBJECT))));

    /** Parameters that count or number something: never negative. */
    private static final List<String> NON_NEGATIVE = List.of(
            "evseId",
            "connectorId",
            "limitKw",
            "durationSeconds",
            "retries",
            "retryIntervalSeconds",
            "version",
            "reservationId");

    private CommandParameters() {}

    /** Every problem with the command's parameters; empty when it can be mapped. */
    public static List<Invalid> check(ChargerCommand command) {
        List<Invalid> problems = new ArrayList<>();
        Map<String, Object> given = command.parameters();
        checkObject("parameters", command.type().toString(), SPECS.get(command.type()), given, problems);
        if (command.type() == Type.REMOTE_STOP
                && given.get("transactionId") == null
                && given.get("chargerTransactionId") == null) {
            problems.add(new Invalid("parameters.transactionId", "transactionId or chargerTransactionId is required"));
        }
        for (String nonNegative : NON_NEGATIVE) {
            if (given.get(nonNegative) instanceof Number number && number.doubleValue() < 0) {
                problems.add(new Invalid("parameters." + nonNegative, "must not be negative"));
            }
        }
        return problems;
    }

    private static void checkObject(
            String path, String of, Map<String, Spec> specs, Map<?, ?> given, List<Invalid> problems) {
        for (Object name : given.keySet()) {
            if (!specs.containsKey(String.valueOf(name))) {
                problems.add(
                        new Invalid(path + "." + name, "unknown parameter of " + of + "; known: " + specs.keySet()));
            }
        }
        specs.forEach((name, spec) -> {
            Object value = given.get(name);
            if (value == null) {
                if (spec.required()) {
                    problems.add(new Invalid(path + "." + name, "is required"));
                }
                return;
            }
            if (spec.kind() == Kind.ENTRIES && value instanceof List<?> entries) {
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i) instanceof Map<?, ?> entry) {
                        checkObject(path + "." + name + "[" + i + "]", "an entry", ENTRY, entry, problems);
                    } else {
                        problems.add(new Invalid(path + "." + name + "[" + i + "]", "must be an object"));
                    }
                }
                return;
            }
            String wrong = wrongType(spec, value);
            if (wrong != null) {
                problems.add(new Invalid(path + "." + name, wrong));
            }
        });
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
            case STRINGS ->
                value instanceof List<?> list
                                && list.stream().allMatch(item -> item instanceof String text && !text.isBlank())
                        ? null
                        : "must be a list of non-empty strings";
            case ENTRIES -> "must be a list of entries";
            case OBJECT -> value instanceof Map ? null : "must be a JSON object";
            case ANY -> null;
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
