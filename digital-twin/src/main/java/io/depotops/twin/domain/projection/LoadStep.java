package io.depotops.twin.domain.projection;

import java.time.Instant;

/**
 * The site's projected load over one step: the vehicles' projected charging (mean over the step)
 * plus the rest of the site's load as last measured, against the root's limit.
 */
public record LoadStep(Instant from, double chargingKw, double otherKw, double totalKw, Double limitKw) {}
