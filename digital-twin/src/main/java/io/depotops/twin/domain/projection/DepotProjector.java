package io.depotops.twin.domain.projection;

import io.depotops.physics.Battery;
import io.depotops.physics.ChargeCurve;
import io.depotops.physics.Energy;
import io.depotops.physics.PowerProfile;
import io.depotops.physics.SocProjection;
import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.ConnectorState;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects a depot model forward with charging-physics: each plugged vehicle draws its live power
 * (or, where core's plan has steps, the plan's power from its next step on) within its charge
 * curve and the charger's maximum, until its next departure.
 */
public final class DepotProjector {

    private static final double EPSILON = 1e-6;

    private final Duration horizon;
    private final Duration loadStep;

    public DepotProjector(Duration horizon, Duration loadStep) {
        this.horizon = horizon;
        this.loadStep = loadStep;
    }

    public DepotProjection project(DepotModel model, Instant now) {
        Map<String, DepotModel.Plug> plugs = plugs(model);
        List<VehicleProjection> vehicles = new ArrayList<>();
        Instant end = now.plus(horizon);
        int steps = (int) Math.max(1, horizon.toSeconds() / Math.max(1, loadStep.toSeconds()));
        double[] chargingKw = new double[steps];
        List<VehicleState> ordered = new ArrayList<>(model.vehicles().values());
        ordered.sort(Comparator.comparing(VehicleState::vehicleId));
        for (VehicleState vehicle : ordered) {
            DepotModel.Plug plug = plugs.get(vehicle.vehicleId());
            Charging charging = charging(vehicle, plug, now);
            if (charging != null && vehicle.socPercent() != null) {
                addLoad(chargingKw, vehicle, charging, now, end);
            }
            if (vehicle.nextDepartureAt() != null && vehicle.nextDepartureAt().isAfter(now)) {
                vehicles.add(projectDeparture(vehicle, plug, charging, now));
            }
        }
        return new DepotProjection(now, vehicles, siteLoad(model, plugs, chargingKw, now));
    }

    private VehicleProjection projectDeparture(
            VehicleState vehicle, DepotModel.Plug plug, Charging charging, Instant now) {
        String chargePointId = plug == null ? null : plug.charger().chargePointId();
        double livePower = charging == null ? 0 : charging.liveKw;
        Battery battery = vehicle.battery();
        double targetKwh = battery.kwhAt(vehicle.targetSocPercent());
        if (vehicle.socPercent() == null) {
            return new VehicleProjection(
                    vehicle.vehicleId(),
                    chargePointId,
                    vehicle.nextDepartureAt(),
                    vehicle.targetSocPercent(),
                    null,
                    0,
                    targetKwh,
                    livePower,
                    false,
                    true,
                    Risk.NO_STATE_OF_CHARGE);
        }
        double startKwh = battery.kwhAt(vehicle.socPercent());
        double projectedKwh = startKwh;
        if (charging != null) {
            projectedKwh = charging.projection
                    .project(startKwh, targetKwh, now, vehicle.nextDepartureAt(), charging.profile)
                    .kwh();
        }
        double projectedSoc = battery.socPercent(projectedKwh);
        boolean atRisk = projectedKwh + EPSILON < targetKwh;
        String reason = atRisk ? reason(vehicle, plug, charging, startKwh, targetKwh, now) : null;
        return new VehicleProjection(
                vehicle.vehicleId(),
                chargePointId,
                vehicle.nextDepartureAt(),
                vehicle.targetSocPercent(),
                vehicle.socPercent(),
                projectedSoc,
                Math.max(0, targetKwh - projectedKwh),
                livePower,
                charging != null && charging.usesPlan,
                atRisk,
                reason);
    }

    private static String reason(
            VehicleState vehicle,
            DepotModel.Plug plug,
            Charging charging,
            double startKwh,
            double targetKwh,
            Instant now) {
        if (plug == null) {
            return Risk.NOT_PLUGGED_IN;
        }
        if (!plug.charger().online() || plug.connector().isDown()) {
            return Risk.CHARGER_FAULTED;
        }
        if (charging == null || (charging.liveKw <= 0 && !charging.usesPlan)) {
            return Risk.NOT_CHARGING;
        }
        // Would the charger's full power (within the curve) make it? Then power is what binds.
        ChargeCurve curve =
                vehicle.chargeCurve(plug.charger().dc(), plug.charger().maxPowerKw());
        double atFullPower = new SocProjection(vehicle.battery(), curve)
                .project(
                        startKwh,
                        targetKwh,
                        now,
                        vehicle.nextDepartureAt(),
                        PowerProfile.constant(now, plug.charger().maxPowerKw()))
                .kwh();
        return atFullPower + EPSILON >= targetKwh ? Risk.POWER_LIMITED : Risk.TIME_TOO_SHORT;
    }

    /** How a plugged vehicle charges from now on, or null when it cannot. */
    private static Charging charging(VehicleState vehicle, DepotModel.Plug plug, Instant now) {
        if (plug == null || !plug.charger().online() || plug.connector().isDown()) {
            return null;
        }
        ChargerState charger = plug.charger();
        double live = Math.min(plug.connector().powerKw(), charger.maxPowerKw());
        Map<Instant, Double> steps = new LinkedHashMap<>();
        steps.put(now, live);
        boolean usesPlan = false;
        for (VehicleState.PlannedStep step : vehicle.plannedPower()) {
            if (step.from().isAfter(now)) {
                steps.put(step.from(), Math.min(Math.max(0, step.powerKw()), charger.maxPowerKw()));
                usesPlan = true;
            }
        }
        if (live <= 0 && !usesPlan) {
            return null;
        }
        SocProjection projection =
                new SocProjection(vehicle.battery(), vehicle.chargeCurve(charger.dc(), charger.maxPowerKw()));
        return new Charging(live, usesPlan, PowerProfile.steps(steps), projection);
    }

    private void addLoad(double[] chargingKw, VehicleState vehicle, Charging charging, Instant now, Instant end) {
        Battery battery = vehicle.battery();
        double kwh = battery.kwhAt(vehicle.socPercent());
        double ceiling = battery.kwhAt(vehicle.targetSocPercent());
        Instant leaves =
                vehicle.nextDepartureAt() != null && vehicle.nextDepartureAt().isAfter(now)
                        ? vehicle.nextDepartureAt()
                        : end;
        for (int i = 0; i < chargingKw.length; i++) {
            Instant from = now.plus(loadStep.multipliedBy(i));
            Instant to = from.plus(loadStep);
            if (!from.isBefore(leaves) || kwh + EPSILON >= ceiling) {
                break;
            }
            Instant until = to.isAfter(leaves) ? leaves : to;
            SocProjection.Outcome outcome = charging.projection.project(kwh, ceiling, from, until, charging.profile);
            chargingKw[i] += outcome.deliveredKwh() / Energy.hours(loadStep);
            kwh = outcome.kwh();
        }
    }

    private List<LoadStep> siteLoad(
            DepotModel model, Map<String, DepotModel.Plug> plugs, double[] chargingKw, Instant now) {
        NodeState root = model.nodes().values().stream()
                .filter(NodeState::isRoot)
                .min(Comparator.comparing(NodeState::nodeId))
                .orElse(null);
        double chargingNow = 0;
        for (DepotModel.Plug plug : plugs.values()) {
            if (plug.charger().online() && !plug.connector().isDown()) {
                chargingNow += plug.connector().powerKw();
            }
        }
        // What the root measures beyond the chargers (buildings, base load) is held as it is now.
        double other = root == null || root.loadKw() == null ? 0 : Math.max(0, root.loadKw() - chargingNow);
        Double limit = root == null ? null : root.limitKw();
        List<LoadStep> load = new ArrayList<>(chargingKw.length);
        for (int i = 0; i < chargingKw.length; i++) {
            load.add(new LoadStep(
                    now.plus(loadStep.multipliedBy(i)), chargingKw[i], other, chargingKw[i] + other, limit));
        }
        return load;
    }

    private static Map<String, DepotModel.Plug> plugs(DepotModel model) {
        Map<String, DepotModel.Plug> plugs = new HashMap<>();
        for (ChargerState charger : model.chargers().values()) {
            for (ConnectorState connector : charger.connectors().values()) {
                if (connector.vehicleId() != null) {
                    plugs.put(connector.vehicleId(), new DepotModel.Plug(charger, connector));
                }
            }
        }
        return plugs;
    }

    private record Charging(double liveKw, boolean usesPlan, PowerProfile profile, SocProjection projection) {}
}
