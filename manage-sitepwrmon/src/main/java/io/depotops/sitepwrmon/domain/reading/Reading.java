package io.depotops.sitepwrmon.domain.reading;

import io.depotops.sitepwrmon.domain.PhaseValues;
import java.time.Instant;
import java.util.UUID;

/**
 * The canonical reading every meter protocol is normalised to: the node the meter measures, the
 * time of the measurement, active power in W and current in A per phase, the meter's imported
 * energy register in Wh, and its quality.
 */
public record Reading(
        UUID nodeId,
        String meterId,
        Instant time,
        PhaseValues powerW,
        PhaseValues currentA,
        Double energyWh,
        Quality quality) {

    public Reading {
        powerW = powerW == null ? PhaseValues.NONE : powerW;
        currentA = currentA == null ? PhaseValues.NONE : currentA;
    }

    public double powerKw() {
        return powerW.sum() / 1000.0;
    }
}
