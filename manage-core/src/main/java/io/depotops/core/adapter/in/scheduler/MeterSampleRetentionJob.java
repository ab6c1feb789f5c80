package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.chart.MeterSamples;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes raw meter samples older than {@code depotops.charts.raw-sample-retention}; charts over
 * that time read the per-minute rollups, which are kept. Deletes in batches of its own
 * transactions, so a large backlog never holds one long lock; several core instances running it at
 * once only share the work.
 */
@ApplicationScoped
public class MeterSampleRetentionJob {

    private static final Logger LOG = Logger.getLogger(MeterSampleRetentionJob.class);

    private final MeterSamples samples;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    MeterSampleRetentionJob(
            MeterSamples samples,
            Clock clock,
            @ConfigProperty(name = "depotops.charts.raw-sample-retention") Duration retention,
            @ConfigProperty(name = "depotops.charts.retention-batch") int batch) {
        this.samples = samples;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
    }

    @Scheduled(
            every = "${depotops.charts.retention-interval}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        deleteExpired();
    }

    /** Deletes every raw sample past the retention now; returns how many. */
    public long deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        int round;
        do {
            round = QuarkusTransaction.requiringNew().call(() -> samples.deleteRawBefore(cutoff, batch));
            deleted += round;
        } while (round == batch);
        if (deleted > 0) {
            LOG.infof("deleted %d raw meter samples taken before %s", deleted, cutoff);
        }
        return deleted;
    }
}
