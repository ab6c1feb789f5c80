package io.depotops.sitepwrmon.adapter.in.scheduler;

import io.depotops.sitepwrmon.application.meter.MeterService;
import io.depotops.sitepwrmon.application.meter.ModbusPolling;
import io.depotops.sitepwrmon.application.reading.PartitionMaintenance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The service's clocks: partitions at start and hourly, the silence check every few seconds, the
 * Modbus round every second (a round still running skips the next one).
 */
@ApplicationScoped
class PowerJobs {

    private static final Logger LOG = Logger.getLogger(PowerJobs.class);

    private final PartitionMaintenance partitions;
    private final MeterService meters;
    private final ModbusPolling modbus;
    private final Clock clock;

    PowerJobs(PartitionMaintenance partitions, MeterService meters, ModbusPolling modbus, Clock clock) {
        this.partitions = partitions;
        this.meters = meters;
        this.modbus = modbus;
        this.clock = clock;
    }

    /** Readings need today's partition before the first one arrives. */
    void onStart(@Observes StartupEvent start) {
        maintainPartitions();
    }

    @Scheduled(every = "${depotops.sitepwrmon.partitions.every:1h}", delayed = "1m")
    void maintainPartitions() {
        PartitionMaintenance.Pass pass = partitions.run(clock.instant());
        if (!pass.created().isEmpty() || !pass.dropped().isEmpty()) {
            LOG.infof("reading partitions: created %s, dropped %s", pass.created(), pass.dropped());
        }
    }

    @Scheduled(
            every = "${depotops.sitepwrmon.silence-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkSilence() {
        meters.checkSilence();
    }

    @Scheduled(
            every = "${depotops.sitepwrmon.modbus.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollModbus() {
        modbus.pollOnce();
    }
}
