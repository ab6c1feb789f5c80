package io.depotops.sim.application.config;

import java.time.Instant;
import java.util.UUID;

/** One version of a workspace's config: the document as accepted, and when. */
public record StoredConfig(
        UUID id,
        UUID workspaceId,
        String name,
        int version,
        String documentJson,
        Instant createdAt,
        Instant updatedAt) {}
