package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.connect.domain.CommandResult.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionAndCommandTest {

    @Test
    void aChargerOfProfileTwoConnectsOverTlsOnly() {
        RegisteredCharger profileOne =
                new RegisteredCharger("CP-1", java.util.UUID.randomUUID(), OcppVersion.V16, 1, "v", 1);
        RegisteredCharger profileTwo =
                new RegisteredCharger("CP-2", java.util.UUID.randomUUID(), OcppVersion.V201, 2, "v", 2);

        assertThat(profileOne.requiresTls()).isFalse();
        assertThat(profileTwo.requiresTls()).isTrue();
    }

    @Test
    void aCommandWithoutParametersHasNoneRatherThanNull() {
        ChargerCommand command =
                new ChargerCommand("c-1", "CP-1", "ws-1", ChargerCommand.Type.RESET, null, Instant.EPOCH, null);

        assertThat(command.parameters()).isEmpty();
    }

    @Test
    void aResultNamesItsCommandChargerAndWorkspace() {
        ChargerCommand command =
                new ChargerCommand("c-1", "CP-1", "ws-1", ChargerCommand.Type.RESET, null, Instant.EPOCH, null);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");

        CommandResult result = CommandResult.of(command, Outcome.OFFLINE, "not connected", at);

        assertThat(result.commandId()).isEqualTo("c-1");
        assertThat(result.chargePointId()).isEqualTo("CP-1");
        assertThat(result.workspaceId()).isEqualTo("ws-1");
        assertThat(result.outcome()).isEqualTo(Outcome.OFFLINE);
        assertThat(result.response()).isNull();
        assertThat(result.completedAt()).isEqualTo(at);
    }
}
