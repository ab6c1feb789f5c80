package io.depotops.twin.domain.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.ConnectorState;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.Fact;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepotProjectorTest {

    private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
    private static final Instant DEPARTS = NOW.plus(Duration.ofHours(4));
    private final DepotProjector projector = new DepotProjector(Duration.ofHours(6), Duration.ofMinutes(30));

    /** A 400 kWh bus at 20 % that needs 90 % in 4 h: 280 kWh, i.e. 70 kW on average. */
    private static DepotModel depot(
            double powerKw, boolean online, String status, Double soc, List<VehicleState.PlannedStep> plan) {
        ConnectorState connector = new ConnectorState(1, status, powerKw, "BUS-1", 7L, NOW);
        ChargerState charger = new ChargerState("c1", "CP-1", "site", 150, true, online, NOW, Map.of(1, connector));
        VehicleState bus = new VehicleState("BUS-1", 400, 0, 150, null, null, soc, NOW, 90, DEPARTS, plan);
        VehicleState away = new VehicleState("BUS-2", 400, 0, 150, null, null, 50.0, NOW, 90, DEPARTS, List.of());
        return new DepotModel(
                "ws",
                "depot",
                NOW,
                Map.of("CP-1", charger),
                Map.of("BUS-1", bus, "BUS-2", away),
                Map.of("site", new NodeState("site", null, 500.0, 130.0, NOW)));
    }

    private static VehicleProjection vehicle(DepotProjection projection, String id) {
        return projection.vehicles().stream()
                .filter(v -> v.vehicleId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void enoughLivePowerReachesTheTargetAndTooLittleIsPowerLimited() {
        VehicleProjection enough =
                vehicle(projector.project(depot(100, true, "Charging", 20.0, List.of()), NOW), "BUS-1");
        assertThat(enough.atRisk()).isFalse();
        assertThat(enough.projectedSocPercent()).isCloseTo(90, within(1e-6));

        VehicleProjection slow = vehicle(projector.project(depot(50, true, "Charging", 20.0, List.of()), NOW), "BUS-1");
        assertThat(slow.atRisk()).isTrue();
        assertThat(slow.reason()).isEqualTo(Risk.POWER_LIMITED);
        // 4 h at 50 kW: 80 kWh + 200 kWh = 280 of 400 kWh; 80 kWh short of 360.
        assertThat(slow.projectedSocPercent()).isCloseTo(70, within(1e-6));
        assertThat(slow.shortfallKwh()).isCloseTo(80, within(1e-6));
    }

    @Test
    void namesWhatBindsWhenTheVehicleCannotCharge() {
        assertThat(vehicle(projector.project(depot(100, true, "Charging", 20.0, List.of()), NOW), "BUS-2")
                        .reason())
                .isEqualTo(Risk.NOT_PLUGGED_IN);
        assertThat(vehicle(projector.project(depot(100, false, "Charging", 20.0, List.of()), NOW), "BUS-1")
                        .reason())
                .isEqualTo(Risk.CHARGER_FAULTED);
        assertThat(vehicle(projector.project(depot(100, true, "Faulted", 20.0, List.of()), NOW), "BUS-1")
                        .reason())
                .isEqualTo(Risk.CHARGER_FAULTED);
        assertThat(vehicle(projector.project(depot(0, true, "SuspendedEV", 20.0, List.of()), NOW), "BUS-1")
                        .reason())
                .isEqualTo(Risk.NOT_CHARGING);
        assertThat(vehicle(projector.project(depot(100, true, "Charging", null, List.of()), NOW), "BUS-1")
                        .reason())
                .isEqualTo(Risk.NO_STATE_OF_CHARGE);
        // Even 150 kW from 5 % cannot give 85 % of 400 kWh (340 kWh) in 2 h: time binds, not power.
        DepotModel late = depot(150, true, "Charging", 5.0, List.of());
        late = late.withVehicleState(late.vehicles().get("BUS-1").withDeparture(NOW.plus(Duration.ofHours(2))));
        assertThat(vehicle(projector.project(late, NOW), "BUS-1").reason()).isEqualTo(Risk.TIME_TOO_SHORT);
    }

    @Test
    void thePlansNextStepsReplaceTheLivePowerFromTheirStart() {
        List<VehicleState.PlannedStep> plan = List.of(new VehicleState.PlannedStep(NOW.plus(Duration.ofHours(1)), 120));
        VehicleProjection planned = vehicle(projector.project(depot(10, true, "Charging", 20.0, plan), NOW), "BUS-1");
        assertThat(planned.usesPlan()).isTrue();
        assertThat(planned.atRisk()).isFalse();
    }

    @Test
    void siteLoadIsTheProjectedChargingPlusTheRestOfTheSiteUntilTheVehicleIsFull() {
        DepotProjection projection = projector.project(depot(100, true, "Charging", 20.0, List.of()), NOW);
        List<LoadStep> load = projection.siteLoad();
        assertThat(load).hasSize(12);
        // The root measures 130 kW of which 100 kW is the charger: 30 kW is the rest of the site.
        assertThat(load.get(0).otherKw()).isCloseTo(30, within(1e-6));
        assertThat(load.get(0).totalKw()).isCloseTo(130, within(1e-6));
        assertThat(load.get(0).limitKw()).isEqualTo(500.0);
        // 280 kWh at 100 kW: full after 2 h 48 min; nothing charges from the 3 h step on.
        assertThat(load.get(5).chargingKw()).isCloseTo(60, within(1e-6));
        assertThat(load.get(6).chargingKw()).isZero();
        double energy =
                load.stream().mapToDouble(step -> step.chargingKw() * 0.5).sum();
        assertThat(energy).isCloseTo(280, within(1e-6));
    }

    @Test
    void aCrossingIsAnnouncedOnceAndClearedWhenReadyOrDeparted() {
        DepotProjection slow = projector.project(depot(50, true, "Charging", 20.0, List.of()), NOW);
        Map<String, Instant> announced = new HashMap<>();
        List<RiskCrossings.Crossing> first = RiskCrossings.between(announced, slow);
        assertThat(first).extracting(RiskCrossings.Crossing::vehicleId).containsExactlyInAnyOrder("BUS-1", "BUS-2");
        first.forEach(c -> announced.put(c.vehicleId(), c.departureAt()));
        assertThat(RiskCrossings.between(announced, slow)).isEmpty();

        DepotProjection fast = projector.project(depot(100, true, "Charging", 20.0, List.of()), NOW);
        assertThat(RiskCrossings.between(announced, fast))
                .filteredOn(c -> c.vehicleId().equals("BUS-1"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(RiskCrossings.Crossing.Kind.CLEARED);
                    assertThat(c.reason()).isEqualTo("PROJECTED_READY");
                });
        DepotProjection afterDeparture = projector.project(depot(50, true, "Charging", 20.0, List.of()), DEPARTS);
        assertThat(RiskCrossings.between(announced, afterDeparture))
                .extracting(RiskCrossings.Crossing::reason)
                .containsOnly("DEPARTED");
    }

    @Test
    void aFactOlderThanWhatTheModelConfirmedIsIgnored() {
        DepotModel model = depot(100, true, "Charging", 20.0, List.of());
        DepotModel older = model.apply(new Fact.ConnectorMetered("CP-1", 1, 5.0, 30.0, NOW.minusSeconds(1)));
        assertThat(older).isSameAs(model);
        DepotModel newer = model.apply(new Fact.ConnectorMetered("CP-1", 1, 5.0, 30.0, NOW.plusSeconds(1)));
        assertThat(newer.chargers().get("CP-1").connector(1).powerKw()).isEqualTo(5.0);
        assertThat(newer.vehicles().get("BUS-1").socPercent()).isEqualTo(30.0);
        assertThat(model.apply(new Fact.VehicleObserved("NOT-HERE", 10.0, NOW))).isSameAs(model);
        assertThat(model.concerns(new Fact.NodeMeasured("other-site", 1, null, NOW)))
                .isFalse();
    }
}
