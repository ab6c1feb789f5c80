package io.depotops.core.application.chart;

import io.depotops.core.domain.chart.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where chart data is read: transactions' meter samples and the telematics history. */
public interface ChartReadings {

    /** Whose meter samples a series sums. */
    enum Scope {
        DEPOT,
        CHARGER,
        VEHICLE
    }

    /**
     * Per time bucket of {@code bucket} (aligned to {@code from}) in [from, to) that has readings:
     * the summed average power of the scope's transactions (kW) and the energy they delivered in
     * the bucket (kWh), in time order.
     */
    List<MeteredBucket> metered(UUID workspaceId, Scope scope, UUID id, Instant from, Instant to, Duration bucket);

    /**
     * The same as {@link #metered} read from the per-minute rollups: {@code from} and {@code to} on
     * whole UTC minutes, {@code bucket} a whole number of minutes. Stays available after the raw
     * samples' retention.
     */
    List<MeteredBucket> meteredPerMinute(
            UUID workspaceId, Scope scope, UUID id, Instant from, Instant to, Duration bucket);

    /** The vehicle's reported state of charge in [from, to), in time order. */
    List<SeriesPoint> stateOfCharge(UUID workspaceId, UUID vehicleId, Instant from, Instant to);

    record MeteredBucket(Instant start, double powerKw, double energyKwh) {}
}
