package io.depotops.incidents.application.incident;

import java.time.Instant;
import java.util.Map;

/** An event as it arrived: its workspace may be missing (connect's charger facts name none). */
public record IncomingEvent(
        String id, String type, String subject, String workspaceId, Instant time, Map<String, Object> data) {}
