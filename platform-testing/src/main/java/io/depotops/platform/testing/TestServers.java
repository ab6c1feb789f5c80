package io.depotops.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The real servers a service's {@code @QuarkusTest}s use, each behind a {@link FaultProxy} of its
 * own, and the settings of this checkout's test run ({@link TestRun}). Register it once per module,
 * for every test of the module:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = TestServers.class,
 *         initArgs = @ResourceArg(name = TestServers.SERVERS, value = "postgres,rabbitmq"))
 * public class TestEnvironment {}
 * }</pre>
 *
 * <p>It starts a proxy per named server and points the service through it ({@code
 * depotops.db.host|port}, {@code depotops.rabbitmq.host|port|virtual-host}, {@code
 * quarkus.redis.hosts}, {@code depotops.aws.dynamodb-endpoint|s3-endpoint}), creates the run's
 * RabbitMQ virtual host, and sets {@code depotops.test.run-id}, which the test properties use in
 * their schema names ({@code core_test_${depotops.test.run-id}}). Tests break a link with the
 * static handles, e.g. {@code TestServers.postgres().cut()}, and mend it with {@code restore()} in
 * a {@code finally}. Nothing here stops a server or needs root.
 */
public class TestServers implements QuarkusTestResourceLifecycleManager {

    /** Init argument: the servers the service uses, comma-separated ({@link Server} names, any case). */
    public static final String SERVERS = "servers";

    /** A real server the tests reach through a proxy. */
    public enum Server {
        POSTGRES,
        RABBITMQ,
        REDIS,
        DYNAMODB,
        S3
    }

    private static final Map<Server, FaultProxy> RUNNING = new EnumMap<>(Server.class);

    private Set<Server> servers = EnumSet.allOf(Server.class);

    @Override
    public void init(Map<String, String> initArgs) {
        String named = initArgs.get(SERVERS);
        if (named != null) {
            servers = Arrays.stream(named.split(","))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .map(name -> Server.valueOf(name.toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Server.class)));
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put(TestRun.RUN_ID_PROPERTY, TestRun.id());
        synchronized (RUNNING) {
            for (Server server : servers) {
                URI real = realAddress(server);
                FaultProxy proxy =
                        FaultProxy.start(server.name().toLowerCase(Locale.ROOT), real.getHost(), real.getPort());
                FaultProxy previous = RUNNING.put(server, proxy);
                if (previous != null) {
                    previous.close();
                }
                config.putAll(settingsThrough(server, proxy));
            }
        }
        if (servers.contains(Server.RABBITMQ)) {
            TestBroker.ensureVirtualHost();
        }
        return config;
    }

    @Override
    public void stop() {
        synchronized (RUNNING) {
            for (Server server : servers) {
                FaultProxy proxy = RUNNING.remove(server);
                if (proxy != null) {
                    proxy.close();
                }
            }
        }
    }

    public static FaultProxy postgres() {
        return proxy(Server.POSTGRES);
    }

    public static FaultProxy rabbitmq() {
        return proxy(Server.RABBITMQ);
    }

    public static FaultProxy redis() {
        return proxy(Server.REDIS);
    }

    public static FaultProxy dynamodb() {
        return proxy(Server.DYNAMODB);
    }

    public static FaultProxy s3() {
        return proxy(Server.S3);
    }

    /** Mends every link: for an {@code @AfterEach} of tests that inject faults. */
    public static void restoreAll() {
        synchronized (RUNNING) {
            RUNNING.values().forEach(FaultProxy::restore);
        }
    }

    public static FaultProxy proxy(Server server) {
        synchronized (RUNNING) {
            FaultProxy proxy = RUNNING.get(server);
            if (proxy == null) {
                throw new IllegalStateException("no proxy in front of " + server + ": this module's TestServers"
                        + " resource does not name it in '" + SERVERS + "', or no @QuarkusTest started it");
            }
            return proxy;
        }
    }

    /**
     * Settings for a service this run starts as a process of its own (system-tests): straight to
     * the real servers, no proxies, but in this run's RabbitMQ virtual host (created here) and Redis
     * database. Schemas are the caller's to name, with {@link TestRun#schema(String)}.
     */
    public static Map<String, String> directSettings() {
        TestBroker.ensureVirtualHost();
        URI redis = realAddress(Server.REDIS);
        return Map.of(
                TestRun.RUN_ID_PROPERTY,
                TestRun.id(),
                "depotops.rabbitmq.virtual-host",
                TestRun.virtualHost(),
                "quarkus.redis.hosts",
                "redis://" + redis.getHost() + ":" + redis.getPort() + "/" + TestRun.redisDatabase());
    }

    /** Where the real server is, from the settings the service itself would read, or its default. */
    static URI realAddress(Server server) {
        return switch (server) {
            case POSTGRES ->
                URI.create("tcp://" + TestRun.setting("depotops.db.host", "localhost") + ":"
                        + TestRun.setting("depotops.db.port", "5432"));
            case RABBITMQ -> URI.create("tcp://" + TestBroker.host() + ":" + TestBroker.port());
            case REDIS -> URI.create(TestRun.setting("quarkus.redis.hosts", "redis://localhost:6379"));
            case DYNAMODB -> URI.create(TestRun.setting("depotops.aws.dynamodb-endpoint", "http://localhost:8000"));
            case S3 -> URI.create(TestRun.setting("depotops.aws.s3-endpoint", "http://localhost:9090"));
        };
    }

    private static Map<String, String> settingsThrough(Server server, FaultProxy proxy) {
        String address = proxy.host() + ":" + proxy.port();
        return switch (server) {
            case POSTGRES ->
                Map.of("depotops.db.host", proxy.host(), "depotops.db.port", Integer.toString(proxy.port()));
            case RABBITMQ ->
                Map.of(
                        "depotops.rabbitmq.host", proxy.host(),
                        "depotops.rabbitmq.port", Integer.toString(proxy.port()),
                        "depotops.rabbitmq.virtual-host", TestRun.virtualHost());
            case REDIS -> Map.of("quarkus.redis.hosts", "redis://" + address + "/" + TestRun.redisDatabase());
            case DYNAMODB -> Map.of("depotops.aws.dynamodb-endpoint", "http://" + address);
            case S3 -> Map.of("depotops.aws.s3-endpoint", "http://" + address);
        };
    }
}
