package io.depotops.core.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which changes of a depot's plan inputs call for a new plan. */
class PlanningInputsTest {

    private static final UUID VAN = UUID.randomUUID();
    private static final UUID CHARGER = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();
    private static final Instant DEPARTS = Instant.parse("2026-03-02T06:00:00Z");

    private static PlanningInputs inputs(double soc, Instant departs, double limitKw, Set<String> plugged) {
        return new PlanningInputs(
                Map.of(VAN, new PlanningInputs.Vehicle(departs, soc, 80, 40)),
                Set.of(),
                Map.of(CHARGER, "150.0 kW x 2 on " + SITE),
                Map.of(SITE, limitKw),
                Set.of(SITE + "@1"),
                plugged);
    }

    @Test
    void aStateOfChargeCountsOnceItMovedByTheThreshold() {
        PlanningInputs planned = inputs(50, DEPARTS, 500, Set.of());

        assertThat(inputs(50, DEPARTS, 500, Set.of()).differsFrom(planned, 5)).isFalse();
        assertThat(inputs(54.9, DEPARTS, 500, Set.of()).differsFrom(planned, 5)).isFalse();
        assertThat(inputs(45.1, DEPARTS, 500, Set.of()).differsFrom(planned, 5)).isFalse();
        assertThat(inputs(55, DEPARTS, 500, Set.of()).differsFrom(planned, 5)).isTrue();
        assertThat(inputs(40, DEPARTS, 500, Set.of()).differsFrom(planned, 5)).isTrue();
    }

    @Test
    void aPlugInADepartureALimitATariffOrAnotherVehicleCallForANewPlan() {
        PlanningInputs planned = inputs(50, DEPARTS, 500, Set.of());

        assertThat(inputs(50, DEPARTS, 500, Set.of(CHARGER + "/1/1:" + VAN)).differsFrom(planned, 5))
                .isTrue();
        assertThat(inputs(50, DEPARTS.plusSeconds(900), 500, Set.of()).differsFrom(planned, 5))
                .isTrue();
        assertThat(inputs(50, DEPARTS, 400, Set.of()).differsFrom(planned, 5)).isTrue();
        PlanningInputs newTariff = new PlanningInputs(
                planned.vehicles(), Set.of(), planned.chargers(), planned.limitsKw(), Set.of(SITE + "@2"), Set.of());
        assertThat(newTariff.differsFrom(planned, 5)).isTrue();
        PlanningInputs vehicleLeftOut = new PlanningInputs(
                Map.of(), Set.of(VAN), planned.chargers(), planned.limitsKw(), planned.tariffs(), Set.of());
        assertThat(vehicleLeftOut.differsFrom(planned, 5)).isTrue();
    }
}
