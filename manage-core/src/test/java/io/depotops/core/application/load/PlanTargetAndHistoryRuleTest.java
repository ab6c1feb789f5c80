package io.depotops.core.application.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.domain.plan.ChargingPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which plan power is a connector's target now, and which allocations the history keeps. */
class PlanTargetAndHistoryRuleTest {

    private static final Instant START = Instant.parse("2026-11-29T22:00:00Z");
    private static final UUID VAN = UUID.randomUUID();

    @Test
    void theTargetIsThePlansPowerInTheSlotThatHoldsNow() {
        ChargingPlan plan = plan(START.plus(Duration.ofHours(8)));

        assertThat(LoadManagementService.planTargets(plan, START.plusSeconds(60)))
                .containsEntry(VAN, 11.0);
        assertThat(LoadManagementService.planTargets(plan, START.plus(Duration.ofMinutes(15))))
                .containsEntry(VAN, 7.0);
        assertThat(LoadManagementService.planTargets(plan, START.plus(Duration.ofMinutes(44))))
                .containsEntry(VAN, 0.0);
    }

    @Test
    void noTargetBeforeOrAfterTheSlotsNorFromAnExpiredPlan() {
        assertThat(LoadManagementService.planTargets(plan(START.plus(Duration.ofHours(8))), START.minusSeconds(1)))
                .isEmpty();
        assertThat(LoadManagementService.planTargets(
                        plan(START.plus(Duration.ofHours(8))), START.plus(Duration.ofMinutes(45))))
                .isEmpty();
        assertThat(LoadManagementService.planTargets(plan(START.plusSeconds(30)), START.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void historyKeepsTheFirstAllocationACommandAModeChangeAndOtherSessions() {
        UUID charger = UUID.randomUUID();
        AllocationView quiet = view("MEASURED", limit(charger, 1, false));

        assertThat(LoadManagementService.worthKeeping(quiet, Optional.empty())).isTrue();
        assertThat(LoadManagementService.worthKeeping(quiet, Optional.of(quiet)))
                .isFalse();
        assertThat(LoadManagementService.worthKeeping(view("MEASURED", limit(charger, 1, true)), Optional.of(quiet)))
                .isTrue();
        assertThat(LoadManagementService.worthKeeping(view("FALLBACK", limit(charger, 1, false)), Optional.of(quiet)))
                .isTrue();
        assertThat(LoadManagementService.worthKeeping(view("MEASURED", limit(charger, 2, false)), Optional.of(quiet)))
                .isTrue();
    }

    private static ChargingPlan plan(Instant expiresAt) {
        List<Instant> slots = List.of(START, START.plus(Duration.ofMinutes(15)), START.plus(Duration.ofMinutes(30)));
        return new ChargingPlan(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                START.minusSeconds(60),
                expiresAt,
                slots,
                List.of(new ChargingPlan.VehiclePlan(
                        VAN,
                        UUID.randomUUID(),
                        1,
                        START.plus(Duration.ofHours(7)),
                        List.of(11.0, 7.0, 0.0),
                        4.5,
                        80.0,
                        0,
                        List.of())),
                List.of(),
                18,
                1.2,
                0,
                new ChargingPlan.Solver("LP", "OPTIMAL", false, false));
    }

    private static AllocationView view(String mode, AllocationView.EvseLimit limit) {
        return new AllocationView(UUID.randomUUID(), START, mode, null, List.of(limit));
    }

    private static AllocationView.EvseLimit limit(UUID charger, int evse, boolean sent) {
        return new AllocationView.EvseLimit(charger, evse, null, 11, 22, null, 3.7, null, 3.7, sent);
    }
}
