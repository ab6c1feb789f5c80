package io.depotops.chargepointsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargingLimitsTest {

    @Test
    void aProfileInWattsOrAmperesIsALimitInKilowatts() {
        assertThat(
                        ChargingLimits.limitKw(
                                OcppVersion.V16,
                                Frames.json(
                                        "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingSchedule\":"
                                                + "{\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":50000}]}}}")))
                .contains(50.0);
        assertThat(
                        ChargingLimits.limitKw(
                                OcppVersion.V201,
                                Frames.json(
                                        "{\"evseId\":1,\"chargingProfile\":{\"chargingSchedule\":[{\"chargingRateUnit\":\"A\","
                                                + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16,\"numberPhases\":1}]}]}}")))
                .contains(3.68);
        assertThat(ChargingLimits.limitKw(OcppVersion.V16, Frames.json("{\"connectorId\":1}")))
                .isEmpty();
    }

    @Test
    void anObeyingChargerAcceptsSetAndClearAndReportsThem() {
        List<String> heard = new ArrayList<>();
        Responder responder =
                ChargingLimits.obeying(Responder.accepting(), (target, kw) -> heard.add(target + "=" + kw));

        Responder.Reply set = responder.answer(
                OcppVersion.V201,
                "SetChargingProfile",
                Frames.json("{\"evseId\":2,\"chargingProfile\":{\"chargingSchedule\":[{\"chargingRateUnit\":\"W\","
                        + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":11000}]}]}}"));
        Responder.Reply cleared = responder.answer(
                OcppVersion.V201, "ClearChargingProfile", Frames.json("{\"chargingProfileCriteria\":{\"evseId\":2}}"));
        Responder.Reply refused = responder.answer(OcppVersion.V16, "SetChargingProfile", Frames.json("{}"));

        assertThat(set).isEqualTo(Responder.Reply.result("{\"status\":\"Accepted\"}"));
        assertThat(cleared).isEqualTo(Responder.Reply.result("{\"status\":\"Accepted\"}"));
        assertThat(refused).isEqualTo(Responder.Reply.result("{\"status\":\"Rejected\"}"));
        assertThat(heard).containsExactly("2=11.0", "2=null");
    }

    @Test
    void sessionPayloadsCarryTheGivenTimeAndMeters() {
        Instant at = Instant.parse("2026-12-01T20:00:00Z");
        var meter = Frames.json(SessionPayloads.meterValues16(2, 41L, 12_345, 22_000, 55.4, at));
        assertThat(meter.path("transactionId").asLong()).isEqualTo(41);
        assertThat(meter.path("meterValue").path(0).path("timestamp").asText()).isEqualTo(at.toString());
        assertThat(meter.path("meterValue").path(0).path("sampledValue").findValuesAsText("measurand"))
                .containsExactly("Energy.Active.Import.Register", "Power.Active.Import", "SoC");
        var ended = Frames.json(SessionPayloads.transactionEvent201(
                "Ended", "tx-1", 7, "EVCommunicationLost", "Idle", 1, null, 99_000, 0, null, "EVDisconnected", at));
        assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("EVDisconnected");
        assertThat(ended.path("meterValue")
                        .path(0)
                        .path("sampledValue")
                        .path(0)
                        .path("context")
                        .asText())
                .isEqualTo("Transaction.End");
        assertThat(ended.has("evse")).isFalse();
    }
}
