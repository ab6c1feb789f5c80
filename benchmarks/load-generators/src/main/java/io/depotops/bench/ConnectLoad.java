package io.depotops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load generator for manage-connect: opens many OCPP 1.6J charger sessions, then has each send a
 * Heartbeat or MeterValues every interval (steady phase) and faster (burst phase), and prints
 * connections, messages per second, round-trip percentiles and memory per session.
 *
 * <p>Options: --url ws://127.0.0.1:18081/ocpp/ --chargers 10000 --interval 10 --steady 60
 * --burst-rate 5000 --burst 20 --ramp 500 (sessions/s) --prefix LOAD --password p
 * --stand-in-core PORT (serve core's core-link here) --connect-pid PID --metrics URL
 * --core URL --jwt TOKEN --workspace ID --site ID (register the chargers in a real core instead)
 */
public final class ConnectLoad {

    private final Map<String, String> options;
    private final Recorder latencies = new Recorder(3);
    private final LongAdder callErrors = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    private ConnectLoad(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ConnectLoad(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        int chargers = number("chargers", 10_000);
        int interval = number("interval", 10);
        int steadySeconds = number("steady", 60);
        int burstRate = number("burst-rate", 5_000);
        int burstSeconds = number("burst", 20);
        int ramp = number("ramp", 500);
        URI base = URI.create(option("url", "ws://127.0.0.1:18081/ocpp/"));
        String prefix = option("prefix", "LOAD") + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        Long connectPid = options.containsKey("connect-pid") ? Long.parseLong(options.get("connect-pid")) : null;
        URI metrics = URI.create(option("metrics", "http://127.0.0.1:18081/q/metrics"));

        StandInCore core = options.containsKey("stand-in-core")
                ? new StandInCore(
                        Integer.parseInt(options.get("stand-in-core")), option("password", "load-password-123456"))
                : null;
        ProcessMemory before = connectPid == null ? null : ProcessMemory.of(connectPid, metrics);
        if (options.containsKey("core")) {
            registerInCore(chargers, prefix);
        }

        List<SimulatedCharger> fleet = new ArrayList<>(chargers);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        System.out.printf("opening %,d sessions at up to %,d/s ...%n", chargers, ramp);
        long rampStart = System.nanoTime();
        Semaphore handshakes = new Semaphore(256);
        AtomicLong open = new AtomicLong();
        for (int i = 1; i <= chargers; i++) {
            long due = rampStart + (long) (i * 1e9 / ramp);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            SimulatedCharger charger = new SimulatedCharger(prefix + i, this::record);
            fleet.add(charger);
            handshakes.acquire();
            charger.connect(client, base, option("password", "load-password-123456"))
                    .whenComplete((ok, error) -> {
                        if (error == null) {
                            open.incrementAndGet();
                        } else if (failures.size() < 5) {
                            failures.add(charger.chargePointId() + ": " + error);
                        }
                        handshakes.release();
                    });
        }
        handshakes.acquire(256);
        handshakes.release(256);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        Histogram boot = latencies.getIntervalHistogram();
        System.out.printf(
                "sessions open: %,d of %,d in %.1f s (%.0f/s); boot round trip p50 %.1f ms, p99 %.1f ms%n",
                open.get(), chargers, rampSeconds, open.get() / rampSeconds, ms(boot, 50), ms(boot, 99));
        failures.forEach(failure -> System.out.println("  failed: " + failure));
        callErrors.reset();

        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        phase("steady", fleet, clock, interval * 1000.0, steadySeconds);
        phase("burst", fleet, clock, chargers * 1000.0 / burstRate, burstSeconds);
        clock.shutdownNow();

        long stillOpen = fleet.stream().filter(SimulatedCharger::isOpen).count();
        System.out.printf("sessions still open at the end: %,d%n", stillOpen);
        if (connectPid != null && before != null) {
            ProcessMemory after = ProcessMemory.of(connectPid, metrics);
            System.out.printf(
                    "connect memory: RSS %,d MiB -> %,d MiB, heap after GC %,d MiB -> %,d MiB;"
                            + " per session: %,d KiB RSS, %,d KiB heap%n",
                    before.residentBytes() >> 20,
                    after.residentBytes() >> 20,
                    before.heapUsedBytes() >> 20,
                    after.heapUsedBytes() >> 20,
                    (after.residentBytes() - before.residentBytes()) / Math.max(1, stillOpen) / 1024,
                    (after.heapUsedBytes() - before.heapUsedBytes()) / Math.max(1, stillOpen) / 1024);
        }
        if (core != null) {
            System.out.printf("stand-in core answered %,d registry requests%n", core.requests());
            core.close();
        }
        fleet.forEach(SimulatedCharger::close);
        Thread.sleep(1000);
    }

    /** Registers the chargers through core's API, 16 at a time (core hashes each password). */
    private void registerInCore(int chargers, String prefix) throws Exception {
        URI uri = URI.create(options.get("core") + "/api/v1/workspaces/" + options.get("workspace") + "/chargers");
        try (HttpClient http = HttpClient.newHttpClient()) {
            CoreRegistration.postAll(
                    http,
                    uri,
                    options.get("jwt"),
                    chargers,
                    16,
                    "chargers",
                    i -> "{\"siteId\":\""
                            + options.get("site") + "\",\"chargePointId\":\"" + prefix + (i + 1)
                            + "\",\"ocppVersion\":\"1.6\",\"securityProfile\":1,\"password\":\""
                            + option("password", "load-password-123456")
                            + "\",\"maxPowerKw\":150,\"connectors\":[{\"evseId\":1,\"connectorId\":1,"
                            + "\"type\":\"CCS2\",\"maxPowerKw\":150}]}");
        }
    }

    private void phase(
            String name, List<SimulatedCharger> fleet, ScheduledExecutorService clock, double periodMillis, int seconds)
            throws InterruptedException {
        long periodMicros = (long) (periodMillis * 1000);
        List<ScheduledFuture<?>> ticks = new ArrayList<>(fleet.size());
        for (SimulatedCharger charger : fleet) {
            long phaseShift = ThreadLocalRandom.current().nextLong(periodMicros);
            ticks.add(clock.scheduleAtFixedRate(
                    () -> {
                        if (charger.tick()) {
                            sent.increment();
                        } else if (charger.isOpen()) {
                            skipped.increment();
                        }
                    },
                    phaseShift,
                    periodMicros,
                    TimeUnit.MICROSECONDS));
        }
        // The first period only spreads the chargers' phases; measure after it.
        Thread.sleep((long) periodMillis);
        latencies.reset();
        sent.reset();
        skipped.reset();
        callErrors.reset();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = latencies.getIntervalHistogram();
        ticks.forEach(tick -> tick.cancel(false));
        System.out.printf(
                "%n== %s: %,d sessions, one message per %.1f s each, %d s ==%n"
                        + "  sent %,d (%.0f msg/s), answered %,d (%.0f msg/s), CALLERRORs %,d,"
                        + " ticks skipped (previous call unanswered) %,d%n"
                        + "  round trip: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                name,
                fleet.size(),
                periodMillis / 1000,
                seconds,
                sent.sum(),
                sent.sum() / elapsed,
                h.getTotalCount(),
                h.getTotalCount() / elapsed,
                callErrors.sum(),
                skipped.sum(),
                ms(h, 50),
                ms(h, 90),
                ms(h, 99),
                ms(h, 99.9),
                h.getMaxValue() / 1000.0);
        Thread.sleep(2000);
    }

    private void record(long nanos) {
        if (nanos < 0) {
            callErrors.increment();
        } else {
            latencies.recordValue(Math.max(1, nanos / 1000));
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
