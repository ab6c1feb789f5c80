package io.depotops.twin.domain.model;

import java.time.Instant;

/**
 * Something another service observed that changes a depot's live model. Each carries when it was
 * true: a fact older than what the model last confirmed is ignored (redelivered or out of order).
 */
public sealed interface Fact {

    Instant at();

    /** connect: a charger's websocket opened or closed. */
    record ChargerLink(String chargePointId, boolean online, Instant at) implements Fact {}

    /** connect: a connector's status. */
    record ConnectorStatus(String chargePointId, int connectorId, String status, Instant at) implements Fact {}

    /** connect: metered power (null when the charger did not send it) and the vehicle's SoC if known. */
    record ConnectorMetered(String chargePointId, int connectorId, Double powerKw, Double socPercent, Instant at)
            implements Fact {}

    /** core: a transaction started (with its vehicle, if identified) or ended on a connector. */
    record Session(
            String chargePointId, int connectorId, boolean started, String vehicleId, Long transactionId, Instant at)
            implements Fact {}

    /** core's telematics: a vehicle's state of charge. */
    record VehicleObserved(String vehicleId, Double socPercent, Instant at) implements Fact {}

    /** sitepwrmon: a node's load, and its limit if one applies. */
    record NodeMeasured(String nodeId, double loadKw, Double limitKw, Instant at) implements Fact {}
}
