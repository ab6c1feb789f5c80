package io.depotops.core.domain.load;

import java.time.Instant;

/**
 * What the site's meters say: {@code loadKw} measured at the site's connection (chargers
 * included), {@code limitKw} the binding limit reported with it (null when none is configured).
 */
public record SiteMeasurement(String nodeId, Instant measuredAt, double loadKw, Double limitKw) {}
