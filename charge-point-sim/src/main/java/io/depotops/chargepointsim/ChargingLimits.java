package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A charger that obeys charging profiles: SetChargingProfile's limit now (the first period of the
 * schedule) and ClearChargingProfile's removal are reported to the simulator, which then draws
 * no more than the limit. Amperes become kW at 230 V per phase ({@code numberPhases}, 3 unless given).
 */
public final class ChargingLimits {

    private static final double VOLTS = 230;

    private ChargingLimits() {}

    /**
     * {@code fallback}, but SetChargingProfile and ClearChargingProfile are Accepted and reported to
     * {@code onLimit} as (connector or EVSE id, 0 for the whole charger; limit in kW or null when cleared).
     */
    public static Responder obeying(Responder fallback, BiConsumer<Integer, Double> onLimit) {
        return fallback.answering("SetChargingProfile", (version, action, payload) -> {
                    Optional<Double> limit = limitKw(version, payload);
                    if (limit.isEmpty()) {
                        return Responder.Reply.result("{\"status\":\"Rejected\"}");
                    }
                    onLimit.accept(target(version, payload), limit.get());
                    return Responder.Reply.result("{\"status\":\"Accepted\"}");
                })
                .answering("ClearChargingProfile", (version, action, payload) -> {
                    int target = version == OcppVersion.V16
                            ? payload.path("connectorId").asInt(0)
                            : payload.path("chargingProfileCriteria")
                                    .path("evseId")
                                    .asInt(0);
                    onLimit.accept(target, null);
                    return Responder.Reply.result("{\"status\":\"Accepted\"}");
                });
    }

    /** The limit the profile sets now, in kW; empty when the payload has no schedule period. */
    public static Optional<Double> limitKw(OcppVersion version, JsonNode payload) {
        JsonNode schedule = version == OcppVersion.V16
                ? payload.path("csChargingProfiles").path("chargingSchedule")
                : payload.path("chargingProfile").path("chargingSchedule").path(0);
        JsonNode period = schedule.path("chargingSchedulePeriod").path(0);
        if (!period.path("limit").isNumber()) {
            return Optional.empty();
        }
        double limit = period.path("limit").asDouble();
        if ("A".equals(schedule.path("chargingRateUnit").asText())) {
            int phases = period.path("numberPhases").asInt(3);
            return Optional.of(limit * VOLTS * phases / 1000);
        }
        return Optional.of(limit / 1000);
    }

    private static int target(OcppVersion version, JsonNode payload) {
        return version == OcppVersion.V16
                ? payload.path("connectorId").asInt(0)
                : payload.path("evseId").asInt(0);
    }
}
