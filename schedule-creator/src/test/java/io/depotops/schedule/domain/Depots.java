package io.depotops.schedule.domain;

import io.depotops.schedule.domain.problem.ChargeCurve;
import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generated depots for tests and the benchmark: reproducible from a seed. */
public final class Depots {

    public static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");

    private Depots() {}

    /**
     * A night depot: vehicles arrive 16:00-22:00 and leave 04:00-08:00 next morning (the horizon is
     * 24 h of 15-minute slots from noon), need 40-90 % of their battery, some with a taper; chargers
     * spread over {@code circuits} circuits with a circuit limit at 60 % of their chargers' power;
     * the site limit is {@code siteShare} of all charger power; a base load with a day peak; a
     * time-of-use tariff with a demand charge.
     */
    public static ScheduleProblem night(int vehicles, int circuits, double siteShare, boolean buses, long seed) {
        Random random = new Random(seed);
        Instant start = MIDNIGHT.plus(Duration.ofHours(12));
        int slots = 96;
        Horizon horizon = Horizon.uniform(start, Duration.ofMinutes(15), slots);
        double chargerKw = buses ? 150 : 22;
        double batteryKwh = buses ? 400 : 75;
        int chargerCount = vehicles;
        List<Charger> chargers = new ArrayList<>();
        for (int c = 0; c < chargerCount; c++) {
            chargers.add(new Charger("C" + c, chargerKw, 1, circuits == 0 ? null : "K" + (c % circuits)));
        }
        List<Circuit> circuitList = new ArrayList<>();
        for (int k = 0; k < circuits; k++) {
            double[] limit = new double[slots];
            Arrays.fill(limit, 0.6 * chargerKw * chargerCount / circuits);
            circuitList.add(new Circuit("K" + k, limit));
        }
        List<VehicleDemand> list = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            Instant arrival = start.plus(Duration.ofMinutes(240 + random.nextInt(360)));
            Instant departure = start.plus(Duration.ofMinutes(960 + random.nextInt(240)));
            double soc = 0.1 + 0.4 * random.nextDouble();
            double target = Math.min(1, soc + 0.4 + 0.5 * random.nextDouble());
            boolean taper = random.nextInt(3) == 0;
            list.add(new VehicleDemand(
                    "V" + v,
                    arrival,
                    departure,
                    (target - soc) * batteryKwh,
                    batteryKwh,
                    soc,
                    buses ? 150 : 11,
                    taper ? new ChargeCurve(0.8) : null,
                    Set.of(),
                    1 + random.nextInt(3)));
        }
        double[] site = new double[slots];
        double[] base = new double[slots];
        double[] price = new double[slots];
        double[] export = new double[slots];
        for (int t = 0; t < slots; t++) {
            double hourOfDay = (12 + t / 4.0) % 24;
            base[t] = 0.05 * chargerKw * chargerCount * (hourOfDay >= 7 && hourOfDay < 19 ? 1 : 0.3);
            site[t] = siteShare * chargerKw * chargerCount + base[t] * 0.5;
            price[t] = hourOfDay >= 17 && hourOfDay < 21 ? 0.35 : hourOfDay < 6 ? 0.12 : 0.22;
            export[t] = 0.05;
        }
        return new ScheduleProblem(horizon, list, chargers, site, base, circuitList, new Tariff(price, 8.0, export));
    }
}
