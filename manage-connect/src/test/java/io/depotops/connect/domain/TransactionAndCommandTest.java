package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.connect.domain.CommandResult.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionAndCommandTest {

    @Test
    void provisionalTransactionIdsStartAt2To30AndCoresStayBelow() {
        assertThat(TransactionStartOutcome.isProvisionalId(TransactionStartOutcome.PROVISIONAL_ID_FLOOR))
                .isTrue();
        assertThat(TransactionStartOutcome.isProvisionalId(TransactionStartOutcome.PROVISIONAL_ID_FLOOR - 1))
                .isFalse();
        assertThat(TransactionStartOutcome.isProvisionalId(1001L)).isFalse();
        assertThat(TransactionStartOutcome.isProvisionalId(null)).isFalse();
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
