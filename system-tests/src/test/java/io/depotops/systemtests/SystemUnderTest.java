package io.depotops.systemtests;

import io.depotops.platform.testing.TestBroker;
import io.depotops.platform.testing.TestRun;
import io.depotops.platform.testing.TestServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real manage-core and manage-connect, started from their built {@code quarkus-run.jar} once per
 * test JVM (core first: connect asks it on every handshake) on free ports, in this checkout's test
 * run (platform-testing {@link TestRun}): database schemas {@code core_system_<run id>} and {@code
 * connect_system_<run id>}, the run's RabbitMQ virtual host and Redis database, so that neither a
 * running development suite nor another checkout's tests see their data or take their messages.
 * Stopped when the test run ends.
 */
final class SystemUnderTest implements BeforeAllCallback {

    private static final int[] PORTS = freePorts(3);
    static final int CORE_PORT = PORTS[0];
    static final int CONNECT_PORT = PORTS[1];
    static final int CORE_INTERNAL_PORT = PORTS[2];
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Ports free now, distinct (all held open until each is known). */
    private static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new IllegalStateException("no free ports for the services under test", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // free anyway
                }
            }
        }
    }

    static URI coreUri() {
        return URI.create("http://127.0.0.1:" + CORE_PORT);
    }

    static URI connectUri() {
        return URI.create("http://127.0.0.1:" + CONNECT_PORT);
    }

    /** What a test does while a service is away. */
    @FunctionalInterface
    interface WhileDown {
        void run() throws Exception;
    }

    /**
     * Stops manage-core, runs {@code whileDown}, then starts core again on the same port and schema
     * (its data kept) and waits until it is ready; core is started again even when the block fails.
     */
    static void whileCoreIsDown(WhileDown whileDown) throws Exception {
        Services services = Services.current;
        if (services == null) {
            throw new IllegalStateException("the services are not started");
        }
        services.stop("manage-core");
        try {
            whileDown.run();
        } finally {
            services.restart("manage-core");
        }
    }

    /**
     * Starts one more built service of the suite (the end-to-end test's sitepwrmon, telematics,
     * depot-sim) in this run's isolation, once; it is stopped with the others, before them.
     */
    static void startAlso(String module, int port, List<String> properties, String schemaBase) {
        Services services = Services.current;
        if (services == null) {
            throw new IllegalStateException("the services are not started");
        }
        services.launchOnce(module, port, properties, schemaBase);
    }

    /** A port free now. */
    static int freePort() {
        return freePorts(1)[0];
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store lives as long as the test run and closes the services at its end.
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Services.class, key -> Services.start(), Services.class);
    }

    static final class Services implements AutoCloseable {

        /** The running tests' services, for {@link #whileCoreIsDown}. */
        private static volatile Services current;

        private record Launch(int port, List<String> properties, String schemaBase) {}

        private final Map<String, Process> processes = new LinkedHashMap<>();
        private final Map<String, Launch> launches = new LinkedHashMap<>();
        private final Thread shutdownHook = new Thread(this::stopAll, "system-tests-stop-services");

        static Services start() {
            Services services = new Services();
            Runtime.getRuntime().addShutdownHook(services.shutdownHook);
            try {
                services.launch(
                        "manage-core",
                        CORE_PORT,
                        List.of(
                                "-Dquarkus.http.port=" + CORE_PORT,
                                "-Ddepotops.internal.port=" + CORE_INTERNAL_PORT,
                                // TIMED_OUT shows within a second of a command's deadline
                                "-Ddepotops.commands.deadline-check-interval=1s"),
                        "core_system");
                services.launch(
                        "manage-connect",
                        CONNECT_PORT,
                        List.of(
                                "-Dquarkus.http.port=" + CONNECT_PORT,
                                "-Ddepotops.core.internal-url=http://127.0.0.1:" + CORE_INTERNAL_PORT),
                        "connect_system");
                current = services;
                return services;
            } catch (RuntimeException | Error e) {
                services.close();
                throw e;
            }
        }

        /** This run's settings and its own schema, cleaned at start, before the service's own properties. */
        private static List<String> isolated(List<String> properties, String schemaBase, boolean cleanSchema) {
            String schema = TestRun.schema(schemaBase);
            List<String> all = new ArrayList<>();
            TestServers.directSettings().forEach((key, value) -> all.add("-D" + key + "=" + value));
            all.addAll(List.of(
                    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://${depotops.db.host}:${depotops.db.port}/depotops?currentSchema="
                            + schema,
                    "-Dquarkus.flyway.schemas=" + schema,
                    "-Dquarkus.flyway.default-schema=" + schema,
                    "-Dquarkus.flyway.clean-disabled=false",
                    "-Dquarkus.flyway.clean-at-start=" + cleanSchema));
            all.addAll(properties);
            return all;
        }

        private void launch(String module, int port, List<String> properties, String schemaBase) {
            launches.put(module, new Launch(port, properties, schemaBase));
            start(module, port, properties, schemaBase, true);
        }

        synchronized void launchOnce(String module, int port, List<String> properties, String schemaBase) {
            if (!processes.containsKey(module)) {
                launch(module, port, properties, schemaBase);
            }
        }

        /** Stops one service (as a crash or a deployment would: its process ends). */
        synchronized void stop(String module) {
            Process process = processes.remove(module);
            if (process != null) {
                stopProcess(process);
            }
        }

        /** Starts a stopped service again with its data (no clean schema). */
        synchronized void restart(String module) {
            Launch launch = launches.get(module);
            start(module, launch.port(), launch.properties(), launch.schemaBase(), false);
        }

        private void start(String module, int port, List<String> properties, String schemaBase, boolean cleanSchema) {
            Path moduleDir = repositoryRoot().resolve(module);
            Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " does not exist: build it first with"
                        + " `./mvnw package -DskipTests -pl manage-core,manage-connect -am`");
            }
            Path logs = Path.of("target/system-logs").toAbsolutePath();
            Path pidFile = logs.resolve(module + ".pid");
            stopLeftover(pidFile, jar);
            if (healthy(port)) {
                throw new IllegalStateException("port " + port + " is taken by a running service (a leftover"
                        + " of an earlier run?): stop it first");
            }
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx512m");
            command.addAll(isolated(properties, schemaBase, cleanSchema));
            command.add("-jar");
            command.add(jar.toString());
            try {
                Files.createDirectories(logs);
                Path log = logs.resolve(module + ".log");
                ProcessBuilder builder = new ProcessBuilder(command).directory(moduleDir.toFile());
                java.util.Map<String, String> settings = developmentSettings();
                builder.environment().putAll(settings);
                // the run's vhost lets in the broker user deploy/dev gives its services
                String brokerUser = settings.get("DEPOTOPS_RABBITMQ_USERNAME");
                if (brokerUser != null) {
                    TestBroker.grantVirtualHost(brokerUser);
                }
                Process process = builder.redirectErrorStream(true)
                        // a restart appends: the log keeps the run before the outage
                        .redirectOutput(
                                cleanSchema
                                        ? ProcessBuilder.Redirect.to(log.toFile())
                                        : ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                processes.put(module, process);
                Files.writeString(pidFile, Long.toString(process.pid()));
                awaitReady(module, port, process, log);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + module, e);
            }
        }

        /**
         * What a deployment hands the services (they have no credentials or keys built in outside
         * their dev and test profiles): the settings deploy/dev gives its own suite ({@code deploy/dev
         * env}), so both start the services alike.
         */
        static java.util.Map<String, String> developmentSettings() {
            try {
                Process env = new ProcessBuilder(
                                repositoryRoot().resolve("deploy/dev").toString(), "env")
                        .redirectErrorStream(true)
                        .start();
                String output = new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!env.waitFor(30, TimeUnit.SECONDS) || env.exitValue() != 0) {
                    throw new IllegalStateException("deploy/dev env failed: " + output);
                }
                java.util.Map<String, String> settings = new java.util.HashMap<>();
                output.lines().filter(line -> line.contains("=")).forEach(line -> {
                    int equals = line.indexOf('=');
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                });
                return settings;
            } catch (IOException e) {
                throw new IllegalStateException("cannot run deploy/dev env", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running deploy/dev env", e);
            }
        }

        /**
         * A run whose JVM was killed could not stop its services: stop the one it recorded, if that
         * process still runs this jar.
         */
        private static void stopLeftover(Path pidFile, Path jar) {
            try {
                if (!Files.exists(pidFile)) {
                    return;
                }
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid)
                        .filter(leftover ->
                                leftover.info().commandLine().orElse("").contains(jar.toString()))
                        .ifPresent(leftover -> {
                            leftover.destroy();
                            leftover.onExit()
                                    .orTimeout(20, TimeUnit.SECONDS)
                                    .exceptionally(e -> {
                                        leftover.destroyForcibly();
                                        return leftover;
                                    })
                                    .join();
                        });
                Files.delete(pidFile);
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read " + pidFile, e);
            }
        }

        private static void awaitReady(String module, int port, Process process, Path log) {
            long until = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(module + " exited with " + process.exitValue() + ":\n" + tail(log));
                }
                if (healthy(port)) {
                    return;
                }
                sleep(Duration.ofMillis(250));
            }
            throw new IllegalStateException(module + " not ready within " + READY_TIMEOUT + ":\n" + tail(log));
        }

        private static boolean healthy(int port) {
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
                return client.send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        /** The repository: the directory above the module that holds deploy/dev. */
        static Path repositoryRoot() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("deploy/dev")) && Files.isDirectory(dir.resolve("manage-core"))) {
                    return dir;
                }
            }
            throw new IllegalStateException(
                    "repository root not found above " + Path.of("").toAbsolutePath());
        }

        @Override
        public void close() {
            stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs stopAll, which is idempotent
            }
        }

        /** Connect first (its sessions close while core still answers), then core. */
        private synchronized void stopAll() {
            for (Process process : new ArrayList<>(processes.values()).reversed()) {
                stopProcess(process);
            }
            processes.clear();
        }

        private static void stopProcess(Process process) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
