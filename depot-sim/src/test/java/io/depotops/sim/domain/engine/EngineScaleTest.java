package io.depotops.sim.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.sim.Configs;
import io.depotops.sim.domain.config.SimulationConfig;
import org.junit.jupiter.api.Test;

/**
 * The engine alone at the scale (5,000 chargers, 5,000 vehicles, a simulated day, one
 * minute steps): prints how long it takes, so that x1000 in real time can be judged (a day at
 * x1000 is 86 s of real time).
 */
class EngineScaleTest {

    @Test
    void aDayOfFiveThousandChargersAndVehiclesRunsFarFasterThanAtX1000() {
        SimulationConfig config =
                Configs.read(Configs.smallDepot(5000, 5000, 1_000_000).toString());
        long start = System.nanoTime();
        Simulation run = new Simulation(config, 1, SimulationListener.NONE);
        run.advanceTo(run.end());
        double seconds = (System.nanoTime() - start) / 1e9;
        RunReport report = run.report();
        System.out.printf(
                "engine scale: 5,000 chargers, 5,000 vehicles, 24 h simulated in %.2f s (x%.0f real time);"
                        + " %,.0f kWh delivered, %d departures%n",
                seconds, 86_400 / seconds, report.energyDeliveredKwh(), report.departures());
        assertThat(report.departures()).isEqualTo(5000);
        assertThat(seconds).isLessThan(86.4);
    }
}
