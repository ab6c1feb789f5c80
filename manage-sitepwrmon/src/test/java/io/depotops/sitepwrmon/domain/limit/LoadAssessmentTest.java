package io.depotops.sitepwrmon.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.LimitState;
import io.depotops.sitepwrmon.domain.reading.Quality;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.tree.NodeKind;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadAssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static PowerNode node(Double limitKw, PhaseValues limitA) {
        return new PowerNode(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                NodeKind.GRID_CONNECTION,
                "grid",
                limitKw,
                limitA,
                230,
                null,
                List.of(),
                NOW,
                NOW,
                1);
    }

    private static Reading reading(double w, double a) {
        return new Reading(
                UUID.randomUUID(), "m", NOW, PhaseValues.of(w, w, w), PhaseValues.of(a, a, a), null, Quality.GOOD);
    }

    @Test
    void theHighestRatioBindsAndSetsTheState() {
        LoadAssessment a = LoadAssessment.of(node(100.0, PhaseValues.of(100, 100, 50)), reading(10_000, 46), null, 0.9);
        assertThat(a.loadKw()).isEqualTo(30.0);
        assertThat(a.binding()).isEqualTo(Binding.L3);
        assertThat(a.utilisation()).isEqualTo(0.92);
        assertThat(a.state()).isEqualTo(LimitState.APPROACHING);
        assertThat(a.headroomKw()).isEqualTo(70.0);
        assertThat(a.headroomA().l3()).isEqualTo(4.0);
    }

    @Test
    void aSignalLowersThePowerLimitOnlyInsideItsWindowAndWithoutLimitsANodeIsNormal() {
        PowerNode node = node(100.0, PhaseValues.NONE);
        LimitSignal cap = new LimitSignal(
                UUID.randomUUID(),
                node.workspaceId(),
                node.id(),
                20,
                NOW.minusSeconds(1),
                NOW.plus(Duration.ofHours(1)),
                "dso",
                null,
                NOW);
        LoadAssessment capped = LoadAssessment.of(node, reading(10_000, 40), cap, 0.9);
        assertThat(capped.limitKw()).isEqualTo(20.0);
        assertThat(capped.state()).isEqualTo(LimitState.EXCEEDED);
        assertThat(capped.signal()).isEqualTo(cap);
        LimitSignal later = new LimitSignal(
                cap.id(),
                cap.workspaceId(),
                cap.nodeId(),
                20,
                NOW.plusSeconds(1),
                NOW.plus(Duration.ofHours(1)),
                "dso",
                null,
                NOW);
        assertThat(LoadAssessment.of(node, reading(10_000, 40), later, 0.9).limitKw())
                .isEqualTo(100.0);
        LoadAssessment free = LoadAssessment.of(node(null, PhaseValues.NONE), reading(99_000, 400), null, 0.9);
        assertThat(free.state()).isEqualTo(LimitState.NORMAL);
        assertThat(free.headroomKw()).isNull();
    }
}
