package io.depotops.sitepwrmon.domain.reading;

import io.depotops.sitepwrmon.domain.PhaseValues;
import java.time.Instant;

/**
 * A point of a node's series: one reading (raw) or a bucket of a rollup, starting at {@code time},
 * with the mean power and current per phase, the highest current per phase, the last energy
 * register and how many readings it holds.
 */
public record ReadingPoint(
        Instant time,
        PhaseValues powerW,
        PhaseValues currentA,
        PhaseValues maxCurrentA,
        Double energyWh,
        int samples) {}
