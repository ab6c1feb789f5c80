package io.depotops.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A place where a fleet parks and charges; its time zone governs departures and tariffs. */
public record Depot(
        UUID id, UUID workspaceId, String name, String address, ZoneId timeZone, Instant createdAt, long version) {}
