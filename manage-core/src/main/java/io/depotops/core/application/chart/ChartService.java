package io.depotops.core.application.chart;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.Times;
import io.depotops.core.application.chart.ChartReadings.MeteredBucket;
import io.depotops.core.application.chart.ChartReadings.Scope;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.chart.Lttb;
import io.depotops.core.domain.chart.SeriesPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chart data for the web frontend (issue 11): power and energy of a depot, charger or vehicle from
 * its transactions' meter samples, and a vehicle's state of charge from the telematics history,
 * reduced on the server to at most the requested number of points with {@link Lttb}.
 *
 * <p>Meter samples are first summed per base bucket (one minute, wider only when the range holds
 * more than {@link #MAX_BUCKETS} minutes), so that the chargers of a depot add up at the same
 * time; the bucketed series is what LTTB reduces.
 *
 * <p>Ranges longer than {@code depotops.charts.rollup-above} (or reaching back beyond the raw
 * samples' retention) are read from the per-minute rollups instead: the window is widened to whole
 * minutes and buckets are whole minutes, and the answer is the raw samples' answer for that window.
 */
@ApplicationScoped
public class ChartService {

    public static final int DEFAULT_POINTS = 500;
    public static final int MAX_POINTS = 5000;
    public static final Duration MAX_RANGE = Duration.ofDays(366);
    static final Duration BASE_BUCKET = Duration.ofMinutes(1);
    static final long MAX_BUCKETS = 200_000;

    public enum Metric {
        POWER("kW"),
        ENERGY("kWh"),
        STATE_OF_CHARGE("%");

        private final String unit;

        Metric(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** A chart series: {@code rawPoints} before downsampling, {@code points} in time order. */
    public record Series(
            Metric metric,
            String unit,
            Instant from,
            Instant to,
            Duration bucket,
            int rawPoints,
            List<SeriesPoint> points) {}

    /** The requested window, checked: from before to, at most {@link #MAX_RANGE}, 2..{@link #MAX_POINTS} points. */
    public record Window(Instant from, Instant to, int points) {

        public static Window of(Instant from, Instant to, Integer points, Clock clock) {
            Instant end = to != null ? Times.requireStorable("to", to) : clock.instant();
            Instant start = from != null ? Times.requireStorable("from", from) : end.minus(Duration.ofDays(1));
            if (!start.isBefore(end)) {
                throw new InvalidInputException("from", "must be before to");
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw new InvalidInputException("to", "the range may span at most 366 days");
            }
            int count = points != null ? points : DEFAULT_POINTS;
            if (count < 2 || count > MAX_POINTS) {
                throw new InvalidInputException("points", "must be between 2 and " + MAX_POINTS);
            }
            return new Window(start, end, count);
        }

        Duration bucket() {
            Duration range = Duration.between(from, to);
            long minutes = range.toMinutes();
            return minutes <= MAX_BUCKETS
                    ? BASE_BUCKET
                    : Duration.ofSeconds((range.toSeconds() + MAX_BUCKETS - 1) / MAX_BUCKETS);
        }

        /** The window widened to whole UTC minutes, as the rollups hold them. */
        Window onWholeMinutes() {
            Instant start = from.truncatedTo(ChronoUnit.MINUTES);
            Instant end = to.truncatedTo(ChronoUnit.MINUTES);
            return new Window(start, end.equals(to) ? end : end.plus(BASE_BUCKET), points);
        }

        /** {@link #bucket()} rounded up to whole minutes. */
        Duration minuteBucket() {
            long minutes = (bucket().toSeconds() + 59) / 60;
            return Duration.ofMinutes(minutes);
        }
    }

    private final ChartReadings readings;
    private final DepotRepository depots;
    private final ChargerRepository chargers;
    private final VehicleRepository vehicles;
    private final Clock clock;
    private final Duration rollupAbove;
    private final Duration rawRetention;

    ChartService(
            ChartReadings readings,
            DepotRepository depots,
            ChargerRepository chargers,
            VehicleRepository vehicles,
            Clock clock,
            @ConfigProperty(name = "depotops.charts.rollup-above") Duration rollupAbove,
            @ConfigProperty(name = "depotops.charts.raw-sample-retention") Duration rawRetention) {
        this.readings = readings;
        this.depots = depots;
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.clock = clock;
        this.rollupAbove = rollupAbove;
        this.rawRetention = rawRetention;
    }

    /** Power (kW) or energy delivered since the window's start (kWh) of a depot, charger or vehicle. */
    @Transactional
    public Series metered(UUID workspaceId, Scope scope, UUID id, Metric metric, Window window) {
        requireExists(workspaceId, scope, id);
        boolean fromRollups = Duration.between(window.from(), window.to()).compareTo(rollupAbove) > 0
                || window.from().isBefore(clock.instant().minus(rawRetention));
        Window read = fromRollups ? window.onWholeMinutes() : window;
        Duration bucket = fromRollups ? read.minuteBucket() : read.bucket();
        List<MeteredBucket> buckets = fromRollups
                ? readings.meteredPerMinute(workspaceId, scope, id, read.from(), read.to(), bucket)
                : readings.metered(workspaceId, scope, id, read.from(), read.to(), bucket);
        List<SeriesPoint> raw = new ArrayList<>(buckets.size());
        double delivered = 0;
        for (MeteredBucket b : buckets) {
            switch (metric) {
                case POWER -> raw.add(new SeriesPoint(b.start(), b.powerKw()));
                case ENERGY -> {
                    delivered += b.energyKwh();
                    raw.add(new SeriesPoint(b.start(), delivered));
                }
                default -> throw new IllegalArgumentException("not a metered metric: " + metric);
            }
        }
        return series(metric, read, bucket, raw);
    }

    /** A vehicle's state of charge (%) as its telematics reported it. */
    @Transactional
    public Series stateOfCharge(UUID workspaceId, UUID vehicleId, Window window) {
        requireExists(workspaceId, Scope.VEHICLE, vehicleId);
        List<SeriesPoint> raw = readings.stateOfCharge(workspaceId, vehicleId, window.from(), window.to());
        return series(Metric.STATE_OF_CHARGE, window, null, raw);
    }

    private static Series series(Metric metric, Window window, Duration bucket, List<SeriesPoint> raw) {
        return new Series(
                metric,
                metric.unit(),
                window.from(),
                window.to(),
                bucket,
                raw.size(),
                Lttb.downsample(raw, window.points()));
    }

    private void requireExists(UUID workspaceId, Scope scope, UUID id) {
        boolean exists = switch (scope) {
            case DEPOT -> depots.find(workspaceId, id).isPresent();
            case CHARGER -> chargers.find(workspaceId, id).isPresent();
            case VEHICLE -> vehicles.find(workspaceId, id).isPresent();
        };
        if (!exists) {
            throw new NotFoundException(scope.name().toLowerCase(), id);
        }
    }
}
