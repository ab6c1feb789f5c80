package io.depotops.incidents.domain.incident;

import java.time.Instant;
import java.util.UUID;

/** A person's remark on an incident. */
public record Note(UUID id, UUID incidentId, String author, String text, Instant createdAt) {}
