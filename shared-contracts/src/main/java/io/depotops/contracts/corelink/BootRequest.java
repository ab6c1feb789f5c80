package io.depotops.contracts.corelink;

/** A BootNotification, in terms of both OCPP versions. */
public record BootRequest(
        String chargePointId,
        String ocppVersion,
        String vendor,
        String model,
        String serialNumber,
        String firmwareVersion,
        String reason) {}
