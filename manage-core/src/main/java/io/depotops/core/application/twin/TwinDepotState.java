package io.depotops.core.application.twin;

import io.depotops.core.application.port.VehicleStateReader.StateOfCharge;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.Vehicle;
import io.depotops.core.domain.load.SiteMeasurement;
import io.depotops.core.domain.plan.ChargingPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What core knows of one depot at {@code asOf}, gathered for digital-twin's feed from core's own
 * domain objects; the inbound adapter turns it into the wire snapshot.
 *
 * @param nodeLoads each site's last node loads reported by sitepwrmon (empty when none)
 * @param live the chargers' online state and connector statuses
 * @param openTransactions the chargers' active transactions
 * @param plan the depot's stored charging plan, if one was made
 */
public record TwinDepotState(
        Depot depot,
        Instant asOf,
        List<Site> sites,
        Map<UUID, List<SiteMeasurement>> nodeLoads,
        List<Charger> chargers,
        DepotLiveState live,
        List<ChargingTransaction> openTransactions,
        List<TwinVehicle> vehicles,
        Optional<ChargingPlan> plan) {

    /**
     * @param stateOfCharge the last state of charge telematics reported, if any
     * @param targetSocPercent what readiness for the next departure requires, null when unknown
     * @param nextDepartureAt the next departure of a dispatch block assigned to the vehicle
     */
    public record TwinVehicle(
            Vehicle vehicle,
            Optional<StateOfCharge> stateOfCharge,
            BigDecimal targetSocPercent,
            Instant nextDepartureAt) {}
}
