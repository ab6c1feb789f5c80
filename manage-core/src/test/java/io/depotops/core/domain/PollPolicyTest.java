package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

    private static PollPolicy policy(PollCutover cutover, Set<ProviderKind> providers) {
        return new PollPolicy(UUID.randomUUID(), Duration.ofMinutes(2), providers, cutover, null, null, 1);
    }

    @Test
    void pollsAnEnabledProviderOnlyWhileCorePolls() {
        Set<ProviderKind> geotab = Set.of(ProviderKind.GEOTAB);

        assertThat(policy(PollCutover.POLLING, geotab).polls(ProviderKind.GEOTAB))
                .isTrue();
        assertThat(policy(PollCutover.POLLING, geotab).polls(ProviderKind.SAMSARA))
                .isFalse();
        assertThat(policy(PollCutover.STREAMING, geotab).polls(ProviderKind.GEOTAB))
                .isFalse();
        assertThat(policy(PollCutover.PAUSED, geotab).polls(ProviderKind.GEOTAB))
                .isFalse();
    }

    @Test
    void aWorkspaceWithoutAPolicyPollsNothing() {
        PollPolicy unset = PollPolicy.unset(UUID.randomUUID());

        for (ProviderKind kind : ProviderKind.values()) {
            assertThat(unset.polls(kind)).as(kind.name()).isFalse();
        }
        assertThat(unset.interval()).isEqualTo(PollPolicy.DEFAULT_INTERVAL);
    }
}
