package io.depotops.sim.domain.engine;

import java.time.Instant;
import java.util.List;

/** A running simulation seen at one virtual instant. */
public record LiveState(
        Instant virtualTime,
        boolean finished,
        double sitePowerKw,
        List<NodeLoad> nodes,
        List<ChargerView> chargers,
        List<VehicleView> vehicles) {

    public record NodeLoad(String id, double loadKw, double limitKw) {}

    public record ChargerView(
            String id, String status, double powerKw, double energyKwh, List<String> vehicles, boolean linkDown) {}

    public record VehicleView(String id, String state, double socPercent, String chargerId, double powerKw) {}
}
