package io.depotops.sim.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.sim.Configs;
import io.depotops.sim.domain.config.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        SimulationConfig config = Configs.example("mixed-depot");

        List<TraceEntry> first = runToEnd(config, 11).trace();
        List<TraceEntry> again = runToEnd(config, 11).trace();
        List<TraceEntry> other = runToEnd(config, 12).trace();

        assertThat(first).hasSizeGreaterThan(100).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
        assertThat(runToEnd(config, 11).report().traceDigest())
                .isEqualTo(runToEnd(config, 11).report().traceDigest())
                .isNotEqualTo(runToEnd(config, 12).report().traceDigest());
    }

    @Test
    void steppingInSmallOrLargeStepsGivesTheSameRun() {
        SimulationConfig config = Configs.example("bus-depot-40");
        Simulation whole = runToEnd(config, 5);
        Simulation stepped = new Simulation(config, 5, SimulationListener.NONE);
        while (!stepped.finished()) {
            stepped.advanceBy(Duration.ofSeconds(97));
        }
        assertThat(stepped.report()).isEqualTo(whole.report());
    }

    @Test
    void theFortyBusDepotChargesEveryBusOvernightWithinItsGridConnection() {
        RunReport report = runToEnd(Configs.example("bus-depot-40"), 40).report();

        assertThat(report.departures()).isEqualTo(40);
        assertThat(report.readyAtDeparture()).isEqualTo(40);
        assertThat(report.missedDepartures()).isEmpty();
        assertThat(report.peakPowerKw()).isLessThanOrEqualTo(3000.0).isGreaterThan(2000.0);
        assertThat(report.limitViolationSeconds()).isZero();
        // 40 buses of 420 kWh from 10-60 % (mean 30) to 95 %: roughly 40 x 0.65 x 420 kWh.
        assertThat(report.energyDeliveredKwh()).isBetween(8_000.0, 14_000.0);
    }

    @Test
    void theVanDepotServesBothShiftsFromFewerChargersThanVans() {
        Simulation run = runToEnd(Configs.example("van-depot-200"), 200);
        RunReport report = run.report();

        // 30 hours from noon: 100 early vans leave at 06:00, 100 late ones at 14:30 the next day
        assertThat(report.departures()).isEqualTo(200);
        assertThat(report.readyAtDeparture()).isGreaterThanOrEqualTo(190);
        assertThat(report.peakPowerKw()).isLessThanOrEqualTo(1600.0);
        assertThat(run.trace())
                .anyMatch(e -> e.kind().equals("plugged") && e.detail().endsWith("re-plug"));
    }

    @Test
    void theMixedDepotKeepsEveryNodeOfItsTreeWithinItsLimitAndObeysTheCapWindow() {
        SimulationConfig config = Configs.example("mixed-depot");
        Simulation run = new Simulation(config, 7, SimulationListener.NONE);
        double peakInWindow = 0;
        while (!run.finished()) {
            run.advanceBy(Duration.ofMinutes(5));
            LiveState state = run.liveState();
            for (LiveState.NodeLoad node : state.nodes()) {
                assertThat(node.loadKw()).as(node.id()).isLessThanOrEqualTo(node.limitKw() + 1e-6);
            }
            int hour = state.virtualTime().atZone(config.zone()).getHour();
            if (hour >= 16 && hour < 20) {
                peakInWindow = Math.max(peakInWindow, state.sitePowerKw());
                assertThat(state.nodes().getFirst().limitKw()).isEqualTo(1200.0);
            }
        }
        assertThat(peakInWindow).isLessThanOrEqualTo(1200.0).isGreaterThan(500.0);
        RunReport report = run.report();
        assertThat(report.limitViolationSeconds()).isZero();
        assertThat(report.faultsInjected()).isEqualTo(2);
        assertThat(run.trace())
                .anyMatch(e -> e.kind().equals("charger-faulted") && e.subject().equals("BUSA-CP-03"))
                .anyMatch(
                        e -> e.kind().equals("charger-recovered") && e.subject().equals("BUSA-CP-03"))
                .anyMatch(e -> e.kind().equals("link-dropped") && e.subject().equals("VANA-CP-02"));
    }

    @Test
    void aSiteLimitSharesPowerAndTheTaperSlowsChargingAboveItsStart() {
        Simulation run =
                new Simulation(Configs.read(Configs.smallDepot(3, 3, 200).toString()), 1, SimulationListener.NONE);
        run.advanceTo(Instant.parse("2026-12-01T19:30:00Z"));

        LiveState state = run.liveState();
        assertThat(state.sitePowerKw()).isEqualTo(200.0);
        assertThat(state.vehicles())
                .allSatisfy(v -> assertThat(v.powerKw()).isCloseTo(66.667, org.assertj.core.data.Offset.offset(0.01)));

        Simulation alone =
                new Simulation(Configs.read(Configs.smallDepot(1, 1, 1000).toString()), 1, SimulationListener.NONE);
        alone.advanceTo(Instant.parse("2026-12-01T19:00:00Z"));
        assertThat(alone.liveState().vehicles().getFirst().powerKw()).isEqualTo(150.0);
        // above 80 % the taper cuts the power, down to 20 % of it at 100 %
        LiveState.VehicleView bus = alone.liveState().vehicles().getFirst();
        while (bus.socPercent() <= 85.0) {
            alone.advanceBy(Duration.ofMinutes(1));
            bus = alone.liveState().vehicles().getFirst();
        }
        assertThat(bus.socPercent()).isLessThan(90.0);
        // at 85 %: 150 x (1 - 0.25 x 0.8) = 120 kW
        assertThat(bus.powerKw()).isLessThan(125.0).isGreaterThan(115.0);
    }

    @Test
    void agentsPlugUnplugFaultAndChangeLimits() {
        ObjectNode doc = Configs.smallDepot(2, 2, 1000);
        Simulation run = new Simulation(Configs.read(doc.toString()), 1, SimulationListener.NONE);
        run.advanceTo(Instant.parse("2026-12-01T19:30:00Z"));
        assertThat(run.liveState().sitePowerKw()).isEqualTo(300.0);

        run.unplug("BUS-01");
        assertThat(vehicle(run, "BUS-01").state()).isEqualTo("PARKED");
        assertThat(run.liveState().sitePowerKw()).isEqualTo(150.0);
        run.plug("BUS-01", null);
        assertThat(vehicle(run, "BUS-01").state()).isEqualTo("PLUGGED");

        String charger = vehicle(run, "BUS-02").chargerId();
        run.fault(charger);
        assertThat(run.liveState().chargers())
                .anyMatch(c -> c.id().equals(charger) && c.status().equals("Faulted"));
        assertThat(vehicle(run, "BUS-02").powerKw()).isZero();
        run.recover(charger);
        assertThat(vehicle(run, "BUS-02").powerKw()).isEqualTo(150.0);

        run.changeLimit("grid", 100.0);
        assertThat(run.liveState().sitePowerKw()).isEqualTo(100.0);
        run.changeLimit("grid", null);
        assertThat(run.liveState().sitePowerKw()).isEqualTo(300.0);

        assertThatThrownBy(() -> run.plug("BUS-01", null))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("already plugged");
        assertThatThrownBy(() -> run.fault("CP-99")).isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> run.changeLimit("hall", 5.0))
                .isInstanceOf(ActionRefusedException.class)
                .extracting(e -> ((ActionRefusedException) e).field())
                .isEqualTo("nodeId");
    }

    @Test
    void aBusThatCannotChargeInTimeLeavesNotReadyAndIsReported() {
        // one charger for three buses under a 30 kW limit: 11 h x 30 kW cannot give them 3 x 180 kWh
        Simulation run = runToEnd(Configs.read(Configs.smallDepot(1, 3, 30).toString()), 2);
        RunReport report = run.report();
        assertThat(report.departures()).isEqualTo(3);
        assertThat(report.readyAtDeparture()).isLessThan(3);
        assertThat(report.missedDepartures())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.socPercent()).isLessThan(90.0));
        assertThat(report.peakPowerKw()).isLessThanOrEqualTo(30.0);
    }

    @Test
    void theListenerSeesSessionsAndMeterSamplesAtTheInterval() {
        List<String> seen = new ArrayList<>();
        SimulationListener listener = new SimulationListener() {
            @Override
            public void sessionStarted(
                    String chargerId, int connector, String vehicleId, long meterStartWh, Instant at) {
                seen.add("start " + chargerId + " " + vehicleId);
            }

            @Override
            public void sessionEnded(String chargerId, int connector, String vehicleId, long meterStopWh, Instant at) {
                seen.add("end " + chargerId + " " + vehicleId + " " + meterStopWh);
            }

            @Override
            public void meterSample(
                    String chargerId, int connector, long energyWh, double powerKw, Double socPercent, Instant at) {
                seen.add("meter " + at);
            }
        };
        Simulation run =
                new Simulation(Configs.read(Configs.smallDepot(1, 1, 1000).toString()), 1, listener);
        run.advanceTo(Instant.parse("2026-12-01T17:30:00Z"));
        // meterIntervalSeconds 300: six samples in the first half hour, before any vehicle arrived
        assertThat(seen)
                .containsExactly(
                        "meter 2026-12-01T17:05:00Z",
                        "meter 2026-12-01T17:10:00Z",
                        "meter 2026-12-01T17:15:00Z",
                        "meter 2026-12-01T17:20:00Z",
                        "meter 2026-12-01T17:25:00Z",
                        "meter 2026-12-01T17:30:00Z");
        run.advanceTo(run.end());
        assertThat(seen).anyMatch(s -> s.startsWith("start CP-01 BUS-01"));
        assertThat(seen).anyMatch(s -> s.startsWith("end CP-01 BUS-01"));
    }

    @Test
    void eachConnectorHasItsOwnRegisterSoTransactionsAddUpToTheEnergyDelivered() {
        ObjectNode doc = Configs.smallDepot(1, 2, 1000);
        ((ObjectNode) doc.withArray("chargers").get(0)).put("connectors", 2).put("maxPowerKw", 300);
        List<Long> sessions = new ArrayList<>();
        long[] starts = new long[3];
        SimulationListener listener = new SimulationListener() {
            @Override
            public void sessionStarted(
                    String chargerId, int connector, String vehicleId, long meterStartWh, Instant at) {
                starts[connector] = meterStartWh;
            }

            @Override
            public void sessionEnded(String chargerId, int connector, String vehicleId, long meterStopWh, Instant at) {
                sessions.add(meterStopWh - starts[connector]);
            }
        };
        Simulation run = new Simulation(Configs.read(doc.toString()), 1, listener);
        // both buses charged overnight on the two connectors and left at 06:00 (back at 15:00)
        run.advanceTo(Instant.parse("2026-12-02T07:00:00Z"));

        assertThat(sessions).hasSize(2);
        assertThat(sessions.stream().mapToLong(Long::longValue).sum() / 1000.0)
                .isCloseTo(run.report().energyDeliveredKwh(), org.assertj.core.data.Offset.offset(0.01));
    }

    private static LiveState.VehicleView vehicle(Simulation run, String id) {
        return run.liveState().vehicles().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Simulation runToEnd(SimulationConfig config, long seed) {
        Simulation run = new Simulation(config, seed, SimulationListener.NONE);
        run.advanceTo(run.end());
        return run;
    }
}
