package io.depotops.sitepwrmon.application.reading;

import io.depotops.sitepwrmon.application.port.ReadingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the raw series' daily partitions: every day readings may still carry (the accepted window)
 * and {@code ahead} days beyond today exist; a day that ended more than {@code retention} ago is
 * dropped whole (no row-by-row delete); rollups live for {@code rollup-retention}.
 */
@ApplicationScoped
public class PartitionMaintenance {

    /** What one pass did. */
    public record Pass(List<String> created, List<String> dropped, int rollupsDeleted) {}

    private final ReadingStore store;
    private final Duration maxAge;
    private final Duration retention;
    private final Duration rollupRetention;
    private final int aheadDays;

    PartitionMaintenance(
            ReadingStore store,
            @ConfigProperty(name = "depotops.sitepwrmon.readings.max-age", defaultValue = "P7D") Duration maxAge,
            @ConfigProperty(name = "depotops.sitepwrmon.readings.retention", defaultValue = "P30D") Duration retention,
            @ConfigProperty(name = "depotops.sitepwrmon.rollups.retention", defaultValue = "P400D")
                    Duration rollupRetention,
            @ConfigProperty(name = "depotops.sitepwrmon.partitions.ahead-days", defaultValue = "3") int aheadDays) {
        this.store = store;
        this.maxAge = maxAge;
        this.retention = retention.compareTo(maxAge) < 0 ? maxAge : retention;
        this.rollupRetention = rollupRetention;
        this.aheadDays = aheadDays;
    }

    @Transactional
    public Pass run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate oldestKept = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
        List<String> dropped = store.dropPartitionsBefore(oldestKept);
        List<String> created = store.ensurePartitions(
                LocalDate.ofInstant(now.minus(maxAge), ZoneOffset.UTC), today.plusDays(aheadDays));
        int rollups = store.deleteRollupsBefore(now.minus(rollupRetention));
        return new Pass(created, dropped, rollups);
    }

    @Transactional
    public List<String> partitions() {
        return store.partitions();
    }
}
