package io.depotops.schedule.domain.problem;

/**
 * A charger: its connectors share {@code maxPowerKw}; it hangs on {@code circuitId} of the site
 * (null: directly on the site).
 */
public record Charger(String id, double maxPowerKw, int connectors, String circuitId) {}
