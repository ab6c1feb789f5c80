package io.depotops.core.domain;

import java.time.Instant;
import java.util.UUID;

/** A tenant: a fleet operator. Every other resource belongs to exactly one workspace. */
public record Workspace(UUID id, String name, Instant createdAt, long version) {}
