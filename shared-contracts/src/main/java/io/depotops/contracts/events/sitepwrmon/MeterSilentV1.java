package io.depotops.contracts.events.sitepwrmon;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code sitepwrmon.meter-silent.v1}: a meter sent no reading for {@code silentAfterSeconds}; the
 * node it measures has no current load until it reports again. {@code lastReadingAt} is null when
 * it never reported.
 */
@EventType(EventTypes.SITEPWRMON_METER_SILENT_V1)
public record MeterSilentV1(
        String meterId,
        String workspaceId,
        String nodeId,
        String siteId,
        String protocol,
        Instant lastReadingAt,
        long silentAfterSeconds,
        Instant detectedAt) {}
