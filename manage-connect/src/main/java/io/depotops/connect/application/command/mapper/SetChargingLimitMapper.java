package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.instant;
import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * SET_CHARGING_LIMIT: SetChargingProfile, one profile per EVSE with id {@link #PROFILE_ID_BASE} +
 * evseId at stack level {@link #STACK_LEVEL}, in W, kind Absolute from now (a new limit replaces the
 * EVSE's previous one). EVSE 0 (the whole charger) gets a ChargePointMaxProfile (2.0.1:
 * ChargingStationMaxProfile); an EVSE &gt; 0 a TxDefaultProfile, which caps the running and the
 * next transactions of that EVSE without naming a transaction and outlives them, as a depot
 * planner's per-connector cap should.
 */
@Singleton
final class SetChargingLimitMapper implements CommandMapper {

    /** The charging profiles depotops installs: id = base + evseId. */
    static final int PROFILE_ID_BASE = 900_000;

    /** Stack level of depotops' charging profiles; clearing without an EVSE clears this level. */
    static final int STACK_LEVEL = 1;

    private final Clock clock;

    SetChargingLimitMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Type type() {
        return Type.SET_CHARGING_LIMIT;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        int evse = integer(command, "evseId");
        ObjectNode profile = profile(command, evse, "chargingProfileId", "ChargePointMaxProfile");
        profile.set("chargingSchedule", schedule(command));
        ObjectNode payload = object().put("connectorId", evse);
        payload.set("csChargingProfiles", profile);
        return new OcppCall("SetChargingProfile", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        int evse = integer(command, "evseId");
        ObjectNode profile = profile(command, evse, "id", "ChargingStationMaxProfile");
        profile.putArray("chargingSchedule")
                .add(object().put("id", PROFILE_ID_BASE + evse).setAll(schedule(command)));
        ObjectNode payload = object().put("evseId", evse);
        payload.set("chargingProfile", profile);
        return new OcppCall("SetChargingProfile", payload);
    }

    private ObjectNode profile(ChargerCommand command, int evse, String idField, String wholeChargerPurpose) {
        String validTo = command.parameters().get("validTo") == null ? null : instant(command, "validTo");
        if (validTo != null && !Instant.parse(validTo).isAfter(clock.instant())) {
            throw new InvalidCommandException("validTo " + validTo + " has passed");
        }
        ObjectNode profile = object().put(idField, PROFILE_ID_BASE + evse)
                .put("stackLevel", STACK_LEVEL)
                .put("chargingProfilePurpose", evse == 0 ? wholeChargerPurpose : "TxDefaultProfile")
                .put("chargingProfileKind", "Absolute");
        if (validTo != null) {
            profile.put("validTo", validTo);
        }
        return profile;
    }

    /** One period from now at the limit, in W. */
    private ObjectNode schedule(ChargerCommand command) {
        double watts = Math.round(((Number) command.parameters().get("limitKw")).doubleValue() * 1000.0);
        ObjectNode schedule = object().put(
                        "startSchedule",
                        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("chargingRateUnit", "W");
        schedule.putArray("chargingSchedulePeriod")
                .addObject()
                .put("startPeriod", 0)
                .put("limit", watts);
        return schedule;
    }
}
