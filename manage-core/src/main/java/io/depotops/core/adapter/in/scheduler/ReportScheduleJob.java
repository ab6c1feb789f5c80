package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.report.ReportService;
import io.depotops.core.application.report.ScheduledReportService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Scheduled reports: each tick runs the definitions that are due (claimed in PostgreSQL, so one
 * instance per cron time); the retention sweep deletes expired report files and index entries.
 */
@ApplicationScoped
class ReportScheduleJob {

    private static final Logger LOG = Logger.getLogger(ReportScheduleJob.class);

    private final ScheduledReportService scheduled;
    private final ReportService reports;
    private final Clock clock;
    private final boolean enabled;
    private final int sweepBatch;
    private final String instanceId;

    ReportScheduleJob(
            ScheduledReportService scheduled,
            ReportService reports,
            Clock clock,
            @ConfigProperty(name = "depotops.reports.schedule.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "depotops.reports.sweep-batch", defaultValue = "500") int sweepBatch,
            @ConfigProperty(name = "depotops.core.instance-id") Optional<String> instanceId) {
        this.scheduled = scheduled;
        this.reports = reports;
        this.clock = clock;
        this.enabled = enabled;
        this.sweepBatch = sweepBatch;
        this.instanceId =
                instanceId.orElseGet(() -> System.getenv().getOrDefault("HOSTNAME", "core") + "-" + UUID.randomUUID());
    }

    @Scheduled(
            every = "${depotops.reports.schedule.tick:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDue() {
        if (enabled) {
            scheduled.runDue(instanceId);
        }
    }

    /** Deleting twice is harmless (S3 and DynamoDB deletes are idempotent), so every instance may sweep. */
    @Scheduled(
            every = "${depotops.reports.sweep-interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int deleted = reports.sweepExpired(clock.instant(), sweepBatch);
            if (deleted > 0) {
                LOG.infof("retention: deleted %d expired reports", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention sweep failed, next time: %s", e.toString());
        }
    }
}
