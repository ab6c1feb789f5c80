package io.depotops.connect.domain;

/** A charger says it booted; {@code reason} only in OCPP 2.0.1 (null in 1.6). */
public record BootNotice(String vendor, String model, String serialNumber, String firmwareVersion, String reason) {}
