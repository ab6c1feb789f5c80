package io.depotops.sitepwrmon.application.meter;

import io.depotops.sitepwrmon.application.port.MeterReader;
import io.depotops.sitepwrmon.application.port.MeterReader.MeterUnreachableException;
import io.depotops.sitepwrmon.application.port.MeterRepository;
import io.depotops.sitepwrmon.application.port.RegisterMaps;
import io.depotops.sitepwrmon.application.reading.IncomingReading;
import io.depotops.sitepwrmon.application.reading.ReadingService;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import io.depotops.sitepwrmon.domain.meter.RegisterMap;
import io.depotops.sitepwrmon.domain.meter.RegisterMap.GarbageException;
import io.depotops.sitepwrmon.domain.reading.Quality;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * One polling round of every Modbus TCP meter: all read at once (a virtual thread each, so a slow
 * or dead meter delays no other), the readings of each workspace ingested as one batch, and a meter
 * that cannot be read marked faulty with the reason (cleared by its next good read).
 */
@ApplicationScoped
public class ModbusPolling {

    private static final Logger LOG = Logger.getLogger(ModbusPolling.class);

    private final MeterRepository meters;
    private final RegisterMaps maps;
    private final MeterReader reader;
    private final ReadingService readings;
    private final Clock clock;

    ModbusPolling(MeterRepository meters, RegisterMaps maps, MeterReader reader, ReadingService readings, Clock clock) {
        this.meters = meters;
        this.maps = maps;
        this.reader = reader;
        this.readings = readings;
        this.clock = clock;
    }

    private record Polled(Meter meter, IncomingReading reading, String fault) {}

    /** Polls every Modbus meter once; answers how many were read. */
    public int pollOnce() {
        List<Meter> due = meters.byProtocol(MeterProtocol.MODBUS_TCP);
        if (due.isEmpty()) {
            return 0;
        }
        List<Polled> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Polled>> futures =
                    due.stream().map(m -> threads.submit(() -> poll(m))).toList();
            for (Future<Polled> future : futures) {
                try {
                    results.add(future.get());
                } catch (Exception e) {
                    LOG.warnf(e, "a Modbus poll failed unexpectedly");
                }
            }
        }
        record(results);
        return (int) results.stream().filter(p -> p.reading() != null).count();
    }

    /** Faults are recorded one by one (autocommit); each workspace's readings are one ingest transaction. */
    private void record(List<Polled> results) {
        Instant now = clock.instant();
        Map<UUID, List<IncomingReading>> byWorkspace = new HashMap<>();
        for (Polled polled : results) {
            Meter meter = polled.meter();
            if (polled.reading() != null) {
                byWorkspace
                        .computeIfAbsent(meter.workspaceId(), w -> new ArrayList<>())
                        .add(polled.reading());
            }
            if (!Objects.equals(meter.fault(), polled.fault())) {
                meters.fault(meter.workspaceId(), meter.meterId(), polled.fault(), now);
            }
        }
        byWorkspace.forEach(readings::ingest);
    }

    private Polled poll(Meter meter) {
        RegisterMap map = maps.find(meter.modbus().registerMap()).orElse(null);
        if (map == null) {
            return new Polled(meter, null, "register map " + meter.modbus().registerMap() + " is unknown");
        }
        try {
            Instant at = clock.instant();
            RegisterMap.Values values = map.decode(reader.read(meter.modbus(), map));
            return new Polled(
                    meter,
                    new IncomingReading(
                            meter.meterId(), at, values.powerW(), values.currentA(), values.energyWh(), Quality.GOOD),
                    null);
        } catch (MeterUnreachableException e) {
            return new Polled(meter, null, "unreachable: " + e.getMessage());
        } catch (GarbageException e) {
            return new Polled(meter, null, "unreadable answer: " + e.getMessage());
        }
    }
}
