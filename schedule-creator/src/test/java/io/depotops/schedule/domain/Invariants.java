package io.depotops.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.ConnectorRef;
import io.depotops.schedule.domain.schedule.Schedule;
import io.depotops.schedule.domain.schedule.VehiclePlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every schedule must hold, whoever made it. */
public final class Invariants {

    private static final double TOL = 1e-4;

    private Invariants() {}

    public static void check(ScheduleProblem problem, Schedule schedule) {
        int slots = problem.horizon().slots();
        Map<String, Charger> chargers = new HashMap<>();
        problem.chargers().forEach(c -> chargers.put(c.id(), c));
        double[] site = new double[slots];
        Map<String, double[]> byCharger = new HashMap<>();
        Map<String, double[]> byCircuit = new HashMap<>();
        Map<ConnectorRef, List<VehicleDemand>> onConnector = new HashMap<>();
        assertThat(schedule.vehicles()).hasSameSizeAs(problem.vehicles());
        for (int v = 0; v < problem.vehicles().size(); v++) {
            VehicleDemand vehicle = problem.vehicles().get(v);
            VehiclePlan plan = schedule.vehicles().get(v);
            assertThat(plan.vehicleId()).isEqualTo(vehicle.id());
            double delivered = 0;
            for (int t = 0; t < slots; t++) {
                double p = plan.powerKw()[t];
                double presence = problem.horizon().overlap(t, vehicle.arrival(), vehicle.departure());
                assertThat(p).as("power of %s in slot %d", vehicle.id(), t).isGreaterThanOrEqualTo(-TOL);
                assertThat(p)
                        .as("power of %s in slot %d within its presence and curve", vehicle.id(), t)
                        .isLessThanOrEqualTo(vehicle.maxPowerAfter(delivered) * presence + TOL);
                if (p > TOL) {
                    assertThat(plan.connector())
                            .as("%s charges on a connector", vehicle.id())
                            .isNotNull();
                    assertThat(vehicle.mayUse(plan.connector().chargerId())).isTrue();
                }
                delivered += p * problem.horizon().hours(t);
                site[t] += p;
                if (plan.connector() != null) {
                    Charger charger = chargers.get(plan.connector().chargerId());
                    byCharger.computeIfAbsent(charger.id(), id -> new double[slots])[t] += p;
                    if (charger.circuitId() != null) {
                        byCircuit.computeIfAbsent(charger.circuitId(), id -> new double[slots])[t] += p;
                    }
                }
            }
            assertThat(plan.energyKwh()).as("energy of %s", vehicle.id()).isCloseTo(delivered, within(1e-6));
            assertThat(delivered).isLessThanOrEqualTo(vehicle.energyNeededKwh() + TOL);
            assertThat(plan.unmetKwh() + delivered)
                    .as("energy of %s is conserved", vehicle.id())
                    .isCloseTo(vehicle.energyNeededKwh(), within(2e-3));
            if (plan.unmetKwh() > 0) {
                assertThat(plan.limitedBy())
                        .as("why %s misses energy", vehicle.id())
                        .isNotEmpty();
            }
            if (plan.connector() != null) {
                onConnector
                        .computeIfAbsent(plan.connector(), c -> new java.util.ArrayList<>())
                        .add(vehicle);
            }
        }
        for (int t = 0; t < slots; t++) {
            double room = Math.max(0, problem.siteLimitKw()[t] - problem.baseLoadKw()[t]);
            assertThat(site[t]).as("site in slot %d", t).isLessThanOrEqualTo(room + TOL);
            for (Map.Entry<String, double[]> entry : byCharger.entrySet()) {
                assertThat(entry.getValue()[t])
                        .as("charger %s in slot %d", entry.getKey(), t)
                        .isLessThanOrEqualTo(chargers.get(entry.getKey()).maxPowerKw() + TOL);
            }
            for (Circuit circuit : problem.circuits()) {
                double used = byCircuit.getOrDefault(circuit.id(), new double[slots])[t];
                assertThat(used)
                        .as("circuit %s in slot %d", circuit.id(), t)
                        .isLessThanOrEqualTo(circuit.limitKw()[t] + TOL);
            }
        }
        onConnector.forEach((connector, stays) -> {
            for (int i = 0; i < stays.size(); i++) {
                for (int j = i + 1; j < stays.size(); j++) {
                    VehicleDemand a = stays.get(i);
                    VehicleDemand b = stays.get(j);
                    assertThat(a.arrival().isBefore(b.departure())
                                    && b.arrival().isBefore(a.departure()))
                            .as("%s and %s share connector %s at once", a.id(), b.id(), connector)
                            .isFalse();
                }
            }
        });
    }
}
