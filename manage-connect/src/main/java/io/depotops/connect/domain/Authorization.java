package io.depotops.connect.domain;

import java.time.Instant;

/** Core's decision on a token; {@code decidedOffline} when connect answered by its offline policy. */
public record Authorization(
        AuthorizationStatus status, Instant expiresAt, String groupIdToken, boolean decidedOffline) {}
