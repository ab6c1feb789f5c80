package io.depotops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every process on the machine, by what it is (a depotops service, a backing server,
 * the generator, a build), read from /proc: where the machine's cores went during a phase.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Order matters: the first match names the process. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("ChargerFleetBenchmark", "generator"),
            Map.entry("manage-connect", "connect"),
            Map.entry("manage-core", "core"),
            Map.entry("manage-incidents", "incidents"),
            Map.entry("manage-sitepwrmon", "sitepwrmon"),
            Map.entry("digital-twin", "digital-twin"),
            Map.entry("schedule-creator", "schedule-creator"),
            Map.entry("depot-sim", "depot-sim"),
            Map.entry("telematics", "telematics"),
            Map.entry("DynamoDBLocal", "dynamodb-local"),
            Map.entry("dynamodbv2.local", "dynamodb-local"),
            Map.entry("s3mock", "s3mock"),
            Map.entry("greenmail", "smtp-sink"),
            Map.entry("beam.smp", "rabbitmq"),
            Map.entry("postgres", "postgresql"),
            Map.entry("redis-server", "redis"),
            Map.entry("mosquitto", "mosquitto"),
            Map.entry("plexus-classworlds", "maven builds"),
            Map.entry("surefire", "maven builds"));

    private final long at;
    private final Map<String, Long> ticksByKind;

    private ProcessCpu(long at, Map<String, Long> ticksByKind) {
        this.at = at;
        this.ticksByKind = ticksByKind;
    }

    static ProcessCpu snapshot() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(process -> {
                        try {
                            String stat = Files.readString(process.resolve("stat"));
                            // fields after the command name "(...)": state is 3rd, utime 14th, stime 15th
                            String[] fields =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                            String command = new String(
                                            Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                            if (command.isBlank()) {
                                command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            }
                            ticks.merge(kind(command), used, Long::sum);
                        } catch (IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    });
        } catch (IOException e) {
            return new ProcessCpu(System.nanoTime(), Map.of());
        }
        return new ProcessCpu(System.nanoTime(), ticks);
    }

    /** Prints each kind's share of the machine's cores between {@code before} and now. */
    void printSince(ProcessCpu before, String phase) {
        double seconds = (at - before.at) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Double> share = new LinkedHashMap<>();
        ticksByKind.forEach((kind, ticks) -> {
            long used = ticks - before.ticksByKind.getOrDefault(kind, 0L);
            if (used > 0) {
                share.put(kind, used / TICKS_PER_SECOND / (seconds * cores) * 100);
            }
        });
        double total = share.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder line = new StringBuilder();
        share.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(entry -> entry.getValue() >= 0.5)
                .forEach(entry -> line.append(String.format(" %s %.0f %%,", entry.getKey(), entry.getValue())));
        System.out.printf(
                "CPU %s (%.0f s, share of %d cores; processes that ended are missing): busy %.0f %% =%s%n",
                phase, seconds, cores, total, line.length() == 0 ? "" : line.substring(0, line.length() - 1));
    }

    private static String kind(String command) {
        for (Map.Entry<String, String> kind : KINDS) {
            if (command.contains(kind.getKey())) {
                return kind.getValue();
            }
        }
        return "other";
    }
}
