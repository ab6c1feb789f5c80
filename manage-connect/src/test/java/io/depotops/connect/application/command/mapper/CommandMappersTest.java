package io.depotops.connect.application.command.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.depotops.connect.adapter.out.ocppschema.OcaSchemaValidator;
import io.depotops.connect.application.command.CommandParameters;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One mapper per command, and what each maps to is a call its version's schemas accept. */
class CommandMappersTest {

    private static final OcaSchemaValidator SCHEMAS = new OcaSchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private static final String LATER = "2030-01-01T00:00:00Z";

    /** The mappers connect runs with (REMOTE_STOP asks its service only for a core transaction id). */
    private static List<CommandMapper> all() {
        return List.of(
                new RemoteStartMapper(),
                new RemoteStopMapper(null),
                new ResetMapper(),
                new UnlockConnectorMapper(),
                new ChangeAvailabilityMapper(),
                new TriggerMessageMapper(),
                new SetChargingLimitMapper(CLOCK),
                new ClearChargingLimitMapper(),
                new GetConfigurationMapper(),
                new SetConfigurationMapper(),
                new ClearCacheMapper(),
                new GetCompositeScheduleMapper(),
                new UpdateFirmwareMapper(),
                new UploadDiagnosticsMapper(),
                new SendLocalListMapper(),
                new GetLocalListVersionMapper(),
                new ReserveNowMapper(),
                new CancelReservationMapper(),
                new DataTransferMapper(),
                new OcppCallMapper(SCHEMAS));
    }

    /** A valid command of each type. */
    private static final Map<Type, Map<String, Object>> SAMPLES = Map.ofEntries(
            Map.entry(Type.REMOTE_START, Map.of("evseId", 1, "idToken", "TAG-1")),
            Map.entry(Type.REMOTE_STOP, Map.of("chargerTransactionId", "42")),
            Map.entry(Type.RESET, Map.of("type", "Hard")),
            Map.entry(Type.UNLOCK_CONNECTOR, Map.of("evseId", 1)),
            Map.entry(Type.CHANGE_AVAILABILITY, Map.of("evseId", 0, "operative", false)),
            Map.entry(Type.TRIGGER_MESSAGE, Map.of("message", "StatusNotification", "evseId", 1)),
            Map.entry(Type.SET_CHARGING_LIMIT, Map.of("evseId", 1, "limitKw", 11.5, "validTo", LATER)),
            Map.entry(Type.CLEAR_CHARGING_LIMIT, Map.of("evseId", 1)),
            Map.entry(Type.GET_CONFIGURATION, Map.of("keys", List.of("OCPPCommCtrlr.HeartbeatInterval"))),
            Map.entry(Type.SET_CONFIGURATION, Map.of("key", "OCPPCommCtrlr.HeartbeatInterval", "value", "300")),
            Map.entry(Type.CLEAR_CACHE, Map.of()),
            Map.entry(Type.GET_COMPOSITE_SCHEDULE, Map.of("evseId", 1, "durationSeconds", 3600, "unit", "W")),
            Map.entry(
                    Type.UPDATE_FIRMWARE,
                    Map.of(
                            "location",
                            "https://firmware.example/fw.bin",
                            "retrieveAt",
                            LATER,
                            "retries",
                            3,
                            "retryIntervalSeconds",
                            60)),
            Map.entry(Type.UPLOAD_DIAGNOSTICS, Map.of("location", "https://logs.example/upload")),
            Map.entry(
                    Type.SEND_LOCAL_LIST,
                    Map.of(
                            "version",
                            2,
                            "updateType",
                            "Full",
                            "entries",
                            List.of(Map.of("idToken", "TAG-1", "status", "Accepted", "expiry", LATER)))),
            Map.entry(Type.GET_LOCAL_LIST_VERSION, Map.of()),
            Map.entry(
                    Type.RESERVE_NOW, Map.of("evseId", 1, "idToken", "TAG-1", "expiresAt", LATER, "reservationId", 7)),
            Map.entry(Type.CANCEL_RESERVATION, Map.of("reservationId", 7)),
            Map.entry(
                    Type.DATA_TRANSFER,
                    Map.of("vendorId", "io.depotops", "messageId", "soc", "data", Map.of("soc", 80))),
            Map.entry(Type.OCPP_CALL, Map.of("action", "GetLocalListVersion")));

    @Test
    void everyCommandMapsToACallItsVersionsSchemasAccept() {
        CommandMappers mappers = new CommandMappers(all());
        for (Type type : Type.values()) {
            ChargerCommand command = command(type, SAMPLES.get(type));
            assertThat(CommandParameters.check(command)).as(type.name()).isEmpty();
            for (OcppVersion version : OcppVersion.values()) {
                OcppCall call = mappers.map(command, version);
                assertThat(OcppActions.sentToChargers(call.action()))
                        .as(type + " " + version)
                        .isTrue();
                assertThat(SCHEMAS.validateRequest(version, call.action(), call.payload()))
                        .as(type + " " + version + " " + call)
                        .isEmpty();
            }
        }
    }

    @Test
    void aCommandWithoutItsMapperStopsTheStart() {
        List<CommandMapper> withoutReset = new ArrayList<>(all());
        withoutReset.removeIf(mapper -> mapper.type() == Type.RESET);
        assertThatThrownBy(() -> new CommandMappers(withoutReset))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commands without a mapper: [RESET]");
    }

    @Test
    void aCommandWithTwoMappersStopsTheStart() {
        List<CommandMapper> twice = new ArrayList<>(all());
        twice.add(new ResetMapper());
        assertThatThrownBy(() -> new CommandMappers(twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RESET has two mappers");
    }

    @Test
    void aRawCallOfAChargerInitiatedActionIsRefusedButDataTransferGoesThrough() {
        CommandMappers mappers = new CommandMappers(all());
        ChargerCommand boot = command(Type.OCPP_CALL, Map.of("action", "BootNotification"));
        assertThatThrownBy(() -> mappers.map(boot, OcppVersion.V201))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage("BootNotification is sent by chargers, not to them");
        ChargerCommand transfer =
                command(Type.OCPP_CALL, Map.of("action", "DataTransfer", "payload", Map.of("vendorId", "io.depotops")));
        assertThat(mappers.map(transfer, OcppVersion.V16)
                        .payload()
                        .get("vendorId")
                        .asText())
                .isEqualTo("io.depotops");
    }

    private static ChargerCommand command(Type type, Map<String, Object> parameters) {
        return new ChargerCommand("cmd-" + type, "CP-1", "ws-1", type, parameters, CLOCK.instant(), null);
    }
}
