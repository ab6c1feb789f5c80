package io.depotops.schedule.domain.schedule;

import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.VehicleDemand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which connector each vehicle uses for its whole stay (a vehicle is plugged in once). Decided
 * before the power is optimised: a greedy interval colouring by arrival, which is optimal when the
 * allowed chargers are interchangeable; a re-plan keeps the connectors already in use.
 */
public final class ConnectorAssignment {

    private final Map<String, ConnectorRef> byVehicle;

    private ConnectorAssignment(Map<String, ConnectorRef> byVehicle) {
        this.byVehicle = Map.copyOf(byVehicle);
    }

    public Optional<ConnectorRef> of(String vehicleId) {
        return Optional.ofNullable(byVehicle.get(vehicleId));
    }

    public Map<String, ConnectorRef> asMap() {
        return byVehicle;
    }

    /** Assigns every vehicle it can; {@code keep} (a previous plan's) wins where still possible. */
    public static ConnectorAssignment assign(ScheduleProblem problem, Map<String, ConnectorRef> keep) {
        Map<String, Charger> chargers = new HashMap<>();
        Map<ConnectorRef, List<Instant[]>> busy = new HashMap<>();
        for (Charger charger : problem.chargers()) {
            chargers.put(charger.id(), charger);
            for (int c = 0; c < charger.connectors(); c++) {
                busy.put(new ConnectorRef(charger.id(), c), new ArrayList<>());
            }
        }
        Instant horizonStart = problem.horizon().start();
        Instant horizonEnd = problem.horizon().end();
        Map<String, ConnectorRef> result = new HashMap<>();
        List<VehicleDemand> open = new ArrayList<>();
        for (VehicleDemand vehicle : problem.vehicles()) {
            if (!vehicle.departure().isAfter(horizonStart) || !vehicle.arrival().isBefore(horizonEnd)) {
                continue; // not here during the horizon
            }
            ConnectorRef kept = keep.get(vehicle.id());
            if (kept != null
                    && busy.containsKey(kept)
                    && vehicle.mayUse(kept.chargerId())
                    && free(busy.get(kept), vehicle)) {
                busy.get(kept).add(stay(vehicle));
                result.put(vehicle.id(), kept);
            } else {
                open.add(vehicle);
            }
        }
        open.sort(Comparator.comparing(VehicleDemand::arrival)
                .thenComparing(Comparator.comparingInt(VehicleDemand::priority).reversed())
                .thenComparing(VehicleDemand::id));
        for (VehicleDemand vehicle : open) {
            ConnectorRef best = null;
            double bestPower = -1;
            int bestLoad = Integer.MAX_VALUE;
            for (Map.Entry<ConnectorRef, List<Instant[]>> entry : busy.entrySet()) {
                ConnectorRef ref = entry.getKey();
                if (!vehicle.mayUse(ref.chargerId()) || !free(entry.getValue(), vehicle)) {
                    continue;
                }
                double power = chargers.get(ref.chargerId()).maxPowerKw();
                int load = sharing(busy, chargers.get(ref.chargerId()), vehicle);
                boolean better = power > bestPower
                        || (power == bestPower && load < bestLoad)
                        || (power == bestPower && load == bestLoad && order(ref, best) < 0);
                if (better) {
                    best = ref;
                    bestPower = power;
                    bestLoad = load;
                }
            }
            if (best != null) {
                busy.get(best).add(stay(vehicle));
                result.put(vehicle.id(), best);
            }
        }
        return new ConnectorAssignment(result);
    }

    private static int order(ConnectorRef a, ConnectorRef b) {
        if (b == null) {
            return -1;
        }
        int byCharger = a.chargerId().compareTo(b.chargerId());
        return byCharger != 0 ? byCharger : Integer.compare(a.connector(), b.connector());
    }

    // How many stays on the other connectors of the same charger overlap this vehicle's stay.
    private static int sharing(Map<ConnectorRef, List<Instant[]>> busy, Charger charger, VehicleDemand vehicle) {
        int count = 0;
        for (int c = 0; c < charger.connectors(); c++) {
            for (Instant[] other : busy.get(new ConnectorRef(charger.id(), c))) {
                if (overlaps(other, vehicle)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean free(List<Instant[]> stays, VehicleDemand vehicle) {
        for (Instant[] other : stays) {
            if (overlaps(other, vehicle)) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(Instant[] stay, VehicleDemand vehicle) {
        return stay[0].isBefore(vehicle.departure()) && vehicle.arrival().isBefore(stay[1]);
    }

    private static Instant[] stay(VehicleDemand vehicle) {
        return new Instant[] {vehicle.arrival(), vehicle.departure()};
    }
}
