package io.depotops.sitepwrmon.application.reading;

import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.Quality;
import java.time.Instant;

/** A reading as a protocol delivers it: by the workspace's meter id, not yet placed on a node. */
public record IncomingReading(
        String meterId, Instant time, PhaseValues powerW, PhaseValues currentA, Double energyWh, Quality quality) {}
