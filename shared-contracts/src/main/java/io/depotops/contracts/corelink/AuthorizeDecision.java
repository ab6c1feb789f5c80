package io.depotops.contracts.corelink;

import java.time.Instant;

/**
 * {@code status}: {@code Accepted}, {@code Blocked}, {@code Expired}, {@code Invalid}, {@code
 * ConcurrentTx} or {@code Unknown} (2.0.1 adds more; connect maps to each version). {@code
 * vehicleId} when the token belongs to a known vehicle.
 */
public record AuthorizeDecision(String status, Instant expiresAt, String groupIdToken, String vehicleId) {}
