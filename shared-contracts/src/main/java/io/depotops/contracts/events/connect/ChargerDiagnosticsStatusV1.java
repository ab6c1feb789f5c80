package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.diagnostics-status.v1}: a 1.6 DiagnosticsStatusNotification or a 2.0.1
 * LogStatusNotification. {@code status} is the charger's word (e.g. {@code Uploading}, {@code
 * Uploaded}, {@code UploadFailure}); {@code requestId} is the 2.0.1 GetLog request (null in 1.6).
 */
public record ChargerDiagnosticsStatusV1(
        String chargePointId, String ocppVersion, String status, Integer requestId, Instant receivedAt) {}
