package io.depotops.incidents.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.depotops.incidents.domain.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static Incident.Step raise(Duration pendingFor) {
        return Incident.raise(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "rule",
                "CP-1",
                Severity.MAJOR,
                "CP-1",
                "charger",
                null,
                Map.of(),
                NOW,
                NOW.plus(pendingFor));
    }

    @Test
    void aRuleWithoutPendingTimeOpensAtOnceAndOneWithItWaits() {
        assertThat(raise(Duration.ZERO).incident().status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(raise(Duration.ZERO).incident().openedAt()).isEqualTo(NOW);
        Incident.Step pending = raise(Duration.ofMinutes(5));
        assertThat(pending.incident().status()).isEqualTo(IncidentStatus.PENDING);
        assertThat(pending.incident().openedAt()).isNull();
        assertThat(pending.transition().to()).isEqualTo(IncidentStatus.PENDING);
    }

    @Test
    void everyStepRecordsWhoWhenAndWhy() {
        Incident open = raise(Duration.ofMinutes(5))
                .incident()
                .open(NOW.plusSeconds(300))
                .incident();
        Incident.Step ack = open.acknowledge("ops-anna", "on it", NOW.plusSeconds(400));
        assertThat(ack.transition())
                .isEqualTo(new Transition(
                        IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, NOW.plusSeconds(400), "ops-anna", "on it"));
        Incident.Step resolved = ack.incident().resolve("ops-anna", "replaced the cable", NOW.plusSeconds(500));
        assertThat(resolved.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.incident().resolvedBy()).isEqualTo("ops-anna");
        assertThat(resolved.incident().autoResolved()).isFalse();
        assertThat(resolved.incident().version()).isEqualTo(open.version() + 2);
    }

    @Test
    void stepsTheStatusDoesNotAllowAreRefused() {
        Incident pending = raise(Duration.ofMinutes(5)).incident();
        assertThatThrownBy(() -> pending.acknowledge("a", "r", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> pending.resolve("a", "r", NOW)).isInstanceOf(IllegalTransitionException.class);
        Incident resolved =
                raise(Duration.ZERO).incident().autoResolve("ok again", NOW).incident();
        assertThat(resolved.autoResolved()).isTrue();
        assertThatThrownBy(() -> resolved.acknowledge("a", "r", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> resolved.resolve("a", "r", NOW)).isInstanceOf(IllegalTransitionException.class);
        Incident acknowledged =
                raise(Duration.ZERO).incident().acknowledge("a", "r", NOW).incident();
        assertThatThrownBy(() -> acknowledged.acknowledge("a", "r", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
