package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.sitepwrmon.domain.PhaseValues;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Amperes per phase; a phase left out is not limited (or not measured). */
public record PhaseAmps(
        @Schema(nullable = true) @Positive @DecimalMax("100000")
        Double l1,

        @Schema(nullable = true) @Positive @DecimalMax("100000")
        Double l2,

        @Schema(nullable = true) @Positive @DecimalMax("100000")
        Double l3) {

    static PhaseAmps of(PhaseValues values) {
        return values == null || values.isEmpty() ? null : new PhaseAmps(values.l1(), values.l2(), values.l3());
    }

    PhaseValues toDomain() {
        return new PhaseValues(l1, l2, l3);
    }
}
