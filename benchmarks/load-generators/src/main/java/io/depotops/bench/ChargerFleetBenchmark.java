package io.depotops.bench;

import io.depotops.chargepointsim.ChargerBehaviour;
import io.depotops.chargepointsim.Fleet;
import io.depotops.chargepointsim.OcppVersion;
import io.depotops.chargepointsim.SimulatorStats;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The charger-fleet benchmark (benchmarks/charger-fleet): a fleet of simulated chargers that behave
 * like real ones (charge-point-sim) against a running connect.
 *
 * <ul>
 *   <li>{@code register}: registers the fleet in core through its API with a token (skipping
 *       chargers registered before) and prints how long it took.
 *   <li>{@code run}: the reconnect storm (every charger opens its socket, {@code --rate} per
 *       second, and keeps trying as a real charger does; time until all are connected and
 *       Accepted, refusals by HTTP status, boots not accepted, CALLERRORs, retries), then a steady
 *       phase (one Heartbeat or MeterValues per {@code --interval} seconds each) and a burst
 *       ({@code --burst-rate} messages/s), each with round-trip percentiles; after each phase the
 *       backlogs (queues, outboxes).
 *   <li>{@code stand-in}: serves core's registry feed on {@code --port} (every charger registered
 *       with the fleet's password) until killed, for a connect measured without a real core.
 * </ul>
 */
public final class ChargerFleetBenchmark {

    private final Map<String, String> options;

    private ChargerFleetBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ChargerFleetBenchmark benchmark = new ChargerFleetBenchmark(options);
        switch (args.length == 0 ? "" : args[0]) {
            case "register" -> System.exit(benchmark.register() == 0 ? 0 : 1);
            case "run" -> benchmark.run();
            case "stand-in" -> benchmark.standIn();
            default -> {
                System.err.println("usage: ChargerFleetBenchmark register|run|stand-in --option value ...");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** Core's registry feed stood in until this process is killed (ADR 0010). */
    private void standIn() throws Exception {
        try (StandInCore core =
                new StandInCore(number("port", 18090), option("password", "fleet-password-0123456789"))) {
            System.out.printf("stand-in core's registry feed on port %d%n", number("port", 18090));
            Thread.currentThread().join();
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** Secrets come from the environment (deploy/dev env), never from the command line. */
    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private double decimal(String name, double fallback) {
        return Double.parseDouble(option(name, Double.toString(fallback)));
    }

    private Duration seconds(String name, double fallback) {
        return Duration.ofMillis((long) (decimal(name, fallback) * 1000));
    }

    private long register() throws Exception {
        FleetRegistration registration = new FleetRegistration(URI.create(options.get("core")), options.get("jwt"));
        String fleet = option("fleet", "FLEET");
        FleetRegistration.Place place = registration.place(fleet);
        return registration.registerMissing(
                place,
                fleet,
                number("chargers", 10_000),
                option("password", "fleet-password-0123456789"),
                option("version", "1.6"),
                number("parallel", 32));
    }

    private void run() throws Exception {
        int chargers = number("chargers", 10_000);
        double rate = decimal("rate", 250);
        String fleetName = option("fleet", "FLEET");
        OcppVersion version = OcppVersion.ofLabel(option("version", "1.6"));
        URI url = URI.create(option("url", "ws://127.0.0.1:18081/ocpp/"));
        String label = option("label", url.toString());
        Long connectPid = options.containsKey("connect-pid") ? Long.parseLong(options.get("connect-pid")) : null;
        URI metrics = URI.create(option("metrics", "http://127.0.0.1:18081/q/metrics"));
        Backlogs backlogs = new Backlogs(
                URI.create(option("rabbit-management", "http://127.0.0.1:15672")),
                option("vhost", "/"),
                option("rabbit-user", env("DEPOTOPS_RABBITMQ_USERNAME", "guest")),
                env("DEPOTOPS_RABBITMQ_PASSWORD", "guest"),
                option("db-url", "jdbc:postgresql://127.0.0.1:5432/depotops"),
                option("db-user", env("DEPOTOPS_DB_USERNAME", "depotops")),
                env("DEPOTOPS_DB_PASSWORD", "depotops"),
                Arrays.asList(option("outbox-schemas", "connect,core").split(",")));
        ChargerBehaviour behaviour = ChargerBehaviour.defaults()
                .withBackoff(seconds("backoff-min", 1), seconds("backoff-max", 60), seconds("backoff-jitter", 2))
                .withCallTimeout(seconds("call-timeout", 30), number("call-attempts", 3));

        System.out.printf(
                "machine: %d cores, %.1f GiB memory; generator and services share it%n",
                Runtime.getRuntime().availableProcessors(), memTotalKiB() / 1024.0 / 1024.0);
        System.out.printf("target: %s (%s)%n", label, url);

        ProcessMemory before = connectPid == null ? null : ProcessMemory.of(connectPid, metrics);

        try (Fleet fleet = new Fleet(behaviour)) {
            for (int i = 1; i <= chargers; i++) {
                fleet.add(url, fleetName + "-" + i, option("password", "fleet-password-0123456789"), version);
            }
            SimulatorStats stats = fleet.stats();
            ProcessCpu cpu = ProcessCpu.snapshot();
            storm(fleet, chargers, rate, seconds("accept-timeout", 300));
            cpu = printCpu(cpu, "during the storm");
            backlogs.print("after the storm");

            int interval = number("interval", 10);
            int steady = number("steady", 120);
            if (steady > 0) {
                cpu = ProcessCpu.snapshot();
                phase(fleet, "steady", Duration.ofSeconds(interval), steady);
                printCpu(cpu, "during the steady phase");
                backlogs.print("after the steady phase");
            }
            int burst = number("burst", 0);
            if (burst > 0) {
                double burstRate = decimal("burst-rate", 4_000);
                MessageLogDrain messageLog = new MessageLogDrain(
                        URI.create(option("rabbit-management", "http://127.0.0.1:15672")),
                        option("vhost", "/"),
                        option("rabbit-user", env("DEPOTOPS_RABBITMQ_USERNAME", "guest")),
                        env("DEPOTOPS_RABBITMQ_PASSWORD", "guest"),
                        metrics,
                        URI.create(option("core-metrics", "http://127.0.0.1:18090/q/metrics")));
                boolean withLog = !"none".equals(option("message-log", "core"));
                if (withLog) {
                    messageLog.start();
                }
                cpu = ProcessCpu.snapshot();
                phase(fleet, "burst", Duration.ofNanos((long) (chargers * 1e9 / burstRate)), burst);
                long burstEnded = System.nanoTime();
                printCpu(cpu, "during the burst");
                backlogs.print("right after the burst");
                int drain = number("drain", 30);
                Thread.sleep(drain * 1000L);
                backlogs.print(drain + " s after the burst");
                if (withLog) {
                    messageLog.awaitDrainAndPrint(burstEnded, Duration.ofSeconds(number("log-drain-timeout", 900)));
                }
            }
            System.out.printf(
                    "%nchargers accepted at the end: %,d of %,d; all counters of the run:%n",
                    stats.acceptedNow(), chargers);
            stats.counters().forEach((name, value) -> System.out.printf("  %-50s %,12d%n", name, value));
            if (before != null) {
                ProcessMemory after = ProcessMemory.of(connectPid, metrics);
                long sessions = Math.max(1, stats.acceptedNow());
                System.out.printf(
                        "connect memory: RSS %,d MiB -> %,d MiB, heap after GC %,d MiB -> %,d MiB;"
                                + " per session: %,d KiB RSS, %,d KiB heap%n",
                        before.residentBytes() >> 20,
                        after.residentBytes() >> 20,
                        before.heapUsedBytes() >> 20,
                        after.heapUsedBytes() >> 20,
                        (after.residentBytes() - before.residentBytes()) / sessions / 1024,
                        (after.heapUsedBytes() - before.heapUsedBytes()) / sessions / 1024);
            }
        }
        Thread.sleep(1000);
    }

    /** Every charger opens at {@code rate}/s and keeps at it until accepted, as real ones do. */
    private void storm(Fleet fleet, int chargers, double rate, Duration acceptTimeout) throws Exception {
        SimulatorStats stats = fleet.stats();
        System.out.printf(
                "%n== reconnect storm: %,d chargers opening at %.0f/s (accept timeout %d s) ==%n",
                chargers, rate, acceptTimeout.toSeconds());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> System.out.printf(
                        "  %5.0f s: accepted %,6d, sockets opened %,6d, refused %,6d, boots not accepted %,5d,"
                                + " CALLERRORs %,d%n",
                        stats.secondsSinceFirstSocket(),
                        stats.acceptedNow(),
                        stats.count(SimulatorStats.SOCKETS_OPENED, 0),
                        stats.handshakesRefused(),
                        stats.count("boot Pending", 0) + stats.count("boot Rejected", 0),
                        stats.callErrors()),
                5,
                5,
                TimeUnit.SECONDS);
        fleet.open(rate);
        double openedIn = stats.secondsSinceFirstSocket();
        Optional<Duration> allAccepted = fleet.awaitAllAccepted(acceptTimeout);
        progress.shutdownNow();
        Histogram boots = stats.takeBootRoundTrips();
        stats.takeRoundTrips();
        System.out.printf(
                "  all sockets started in %.1f s; %s%n",
                openedIn,
                allAccepted
                        .map(took -> String.format(
                                "all %,d connected and Accepted %.1f s after the first socket",
                                chargers, took.toMillis() / 1000.0))
                        .orElse(String.format(
                                "NOT all accepted within %d s: %,d of %,d accepted",
                                acceptTimeout.toSeconds(), stats.acceptedOnce(), chargers)));
        System.out.printf(
                "  handshakes refused %,d, boots Pending %,d, Rejected %,d, CALLERRORs %,d, CALL retries %,d,"
                        + " reconnects %,d%n",
                stats.handshakesRefused(),
                stats.count("boot Pending", 0),
                stats.count("boot Rejected", 0),
                stats.callErrors(),
                stats.count(SimulatorStats.CALL_RETRIES, 0),
                stats.count(SimulatorStats.RECONNECTS, 0));
        System.out.printf("  boot round trip: %s%n  counters:%n", percentiles(boots));
        stats.counters().forEach((name, value) -> System.out.printf("    %-50s %,12d%n", name, value));
    }

    /** Ticks every charger once per {@code period} for {@code seconds}, reporting each 30 s slice. */
    private static ProcessCpu printCpu(ProcessCpu since, String phase) {
        ProcessCpu now = ProcessCpu.snapshot();
        now.printSince(since, phase);
        return now;
    }

    private void phase(Fleet fleet, String name, Duration period, int seconds) throws Exception {
        SimulatorStats stats = fleet.stats();
        double perSecond = fleet.chargers().size() / (period.toNanos() / 1e9);
        System.out.printf(
                "%n== %s: %,d chargers, one message per %.2f s each (%.0f messages/s offered), %d s ==%n",
                name, fleet.chargers().size(), period.toNanos() / 1e9, perSecond, seconds);
        try (Fleet.Ticking ticking = fleet.tick(period)) {
            // the first period only spreads the chargers' phases; measure after it
            Thread.sleep(period.toMillis());
            stats.takeRoundTrips();
            Map<String, Long> before = stats.counters();
            Histogram total = new Histogram(3);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                long slice = Math.min(TimeUnit.SECONDS.toNanos(30), end - System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(slice);
                Histogram h = stats.takeRoundTrips();
                total.add(h);
                System.out.printf(
                        "  %5.0f s: %,6.0f answered/s, %s%n",
                        (System.nanoTime() - start) / 1e9, h.getTotalCount() / (slice / 1e9), percentiles(h));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, Long> moved = SimulatorStats.delta(stats.counters(), before);
            System.out.printf(
                    "  %s: %,.0f messages/s answered (%,d), CALLERRORs %,d, CALL retries %,d, chargers accepted %,d%n"
                            + "  round trip: %s%n  counters of the phase:%n",
                    name,
                    total.getTotalCount() / elapsed,
                    total.getTotalCount(),
                    moved.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(SimulatorStats.CALL_ERROR))
                            .mapToLong(Map.Entry::getValue)
                            .sum(),
                    moved.getOrDefault(SimulatorStats.CALL_RETRIES, 0L),
                    stats.acceptedNow(),
                    percentiles(total));
            moved.forEach((counter, value) -> System.out.printf("    %-50s %,12d%n", counter, value));
        }
        Thread.sleep(2000);
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no answers";
        }
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d)",
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getTotalCount());
    }

    private static long memTotalKiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
