package io.depotops.core.application.port;

import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.Vehicle;
import java.util.List;

/**
 * Facts core publishes. Called inside the use case's transaction: they are published if and only
 * if it commits.
 */
public interface DomainEvents {

    void depotChanged(Depot depot, Change change);

    void siteChanged(Site site, Change change);

    void chargerChanged(Charger charger, Change change);

    void vehicleChanged(Vehicle vehicle, Change change);

    /** The registry feed reached {@code seq} with a change of an entry of {@code workspaceId}. */
    void registryChanged(java.util.UUID workspaceId, long seq);

    void transactionStarted(ChargingTransaction transaction);

    void transactionEnded(ChargingTransaction transaction);

    void vehicleTelemetryUpdated(Vehicle vehicle, TelematicsObservation observation);

    /** A vehicle and the observation that advanced its snapshot. */
    record VehicleObservation(Vehicle vehicle, TelematicsObservation observation) {}

    /** {@link #vehicleTelemetryUpdated} for many vehicles at once, in order. */
    void vehiclesTelemetryUpdated(List<VehicleObservation> updated);

    void vehicleTelemetryStale(Vehicle vehicle, TelematicsObservation last, java.time.Instant now);

    enum Change {
        REGISTERED,
        UPDATED,
        REMOVED
    }
}
