package io.depotops.core.adapter;

import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.domain.TelematicsObservation;

/** The canonical update (wire contract) as the ingest takes it; shared by every telematics source. */
public final class CanonicalUpdates {

    private CanonicalUpdates() {}

    public static IncomingUpdate toIncoming(CanonicalVehicleUpdateV1 u) {
        return new IncomingUpdate(
                u.workspaceId(),
                u.provider(),
                u.deviceId(),
                u.vin(),
                new TelematicsObservation(
                        u.updateId(),
                        u.provider(),
                        u.observedAt(),
                        u.stateOfChargePercent(),
                        u.odometerKm(),
                        u.position() == null ? null : u.position().latitude(),
                        u.position() == null ? null : u.position().longitude(),
                        u.position() == null ? null : u.position().headingDegrees(),
                        u.speedKmh(),
                        u.ignitionOn(),
                        u.pluggedIn(),
                        u.chargingState() == null ? null : u.chargingState().name(),
                        u.remainingRangeKm(),
                        u.batteryTemperatureC(),
                        u.attributes()));
    }
}
