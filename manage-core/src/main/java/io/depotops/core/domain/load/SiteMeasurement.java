package io.depotops.core.domain.load;

import java.time.Instant;

/**
 * What the site's meters say: {@code loadKw} measured at the site's connection (chargers
 * included), {@code limitKw} the binding limit reported with it (null when none is configured), and
 * per phase the current measured and the current limits ({@link PhaseAmps#NONE} when not reported).
 */
public record SiteMeasurement(
        String nodeId, Instant measuredAt, double loadKw, Double limitKw, PhaseAmps currentA, PhaseAmps limitA) {

    public SiteMeasurement {
        currentA = currentA == null ? PhaseAmps.NONE : currentA;
        limitA = limitA == null ? PhaseAmps.NONE : limitA;
    }

    public SiteMeasurement(String nodeId, Instant measuredAt, double loadKw, Double limitKw) {
        this(nodeId, measuredAt, loadKw, limitKw, PhaseAmps.NONE, PhaseAmps.NONE);
    }
}
