package io.depotops.contracts.corelink;

import java.time.Instant;

/**
 * Core's answer to a boot. {@code status} is {@code Accepted}, {@code Pending} or {@code Rejected}
 * (the same words in OCPP 1.6 and 2.0.1); {@code intervalSeconds} is the heartbeat interval when
 * accepted, else the time before the charger may boot again.
 */
public record BootDecision(String status, int intervalSeconds, Instant currentTime) {}
