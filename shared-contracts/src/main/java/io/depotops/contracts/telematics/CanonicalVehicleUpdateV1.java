package io.depotops.contracts.telematics;

import java.time.Instant;
import java.util.Map;

/**
 * One observation of a vehicle by a telematics provider, in depotops' terms: what core's ingest
 * accepts from both sources (core's scheduled polling and the telematics service's streams). Sent
 * to queue {@code depotops.core.telematics-ingest} as the data of a CloudEvent of type {@value
 * #TYPE}; its JSON schema is {@code telematics/canonical-vehicle-update-v1.schema.json} in this
 * module. Every measurement is optional (null when the provider did not send it); what depotops
 * does not model is kept in {@code attributes}.
 *
 * @param updateId the provider's (or the normaliser's) id of this observation: redelivery of the
 *     same id is applied once
 * @param workspaceId the workspace the device is registered in
 * @param provider the provider's name as registered on the vehicle, e.g. {@code geotab}
 * @param deviceId the provider's device or vehicle id as registered on the vehicle
 * @param vin the VIN the provider reports, if any (checked against the registered vehicle)
 * @param observedAt when the vehicle was in this state (not when it was received)
 */
public record CanonicalVehicleUpdateV1(
        String updateId,
        String workspaceId,
        String provider,
        String deviceId,
        String vin,
        Instant observedAt,
        Double stateOfChargePercent,
        Double odometerKm,
        Position position,
        Double speedKmh,
        Boolean ignitionOn,
        Boolean pluggedIn,
        ChargingState chargingState,
        Double remainingRangeKm,
        Double batteryTemperatureC,
        Map<String, Object> attributes) {

    /** The CloudEvent type of an update. */
    public static final String TYPE = "telematics.vehicle.update.v1";

    /** WGS 84 position. */
    public record Position(double latitude, double longitude, Double headingDegrees) {}

    public enum ChargingState {
        NOT_CHARGING,
        CHARGING,
        COMPLETE,
        FAULT,
        UNKNOWN
    }
}
