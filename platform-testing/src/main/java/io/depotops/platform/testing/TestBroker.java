package io.depotops.platform.testing;

import com.rabbitmq.client.ConnectionFactory;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The real RabbitMQ as this test run uses it: its own virtual host ({@link TestRun#virtualHost()}),
 * created with full permissions for the test user through the management API (guest may use it
 * from localhost), so that a run's queues, bindings and messages never meet those of a running
 * development suite (vhost {@code /}) or of another checkout's run.
 *
 * <p>Where the broker is: {@code depotops.rabbitmq.host|port|username|password} and {@code
 * depotops.rabbitmq.management-port} as system properties or {@code DEPOTOPS_RABBITMQ_*}
 * variables; defaults localhost, 5672, guest/guest, 15672.
 */
public final class TestBroker {

    private static volatile boolean virtualHostReady;

    private TestBroker() {}

    public static String host() {
        return TestRun.setting("depotops.rabbitmq.host", "localhost");
    }

    public static int port() {
        return Integer.parseInt(TestRun.setting("depotops.rabbitmq.port", "5672"));
    }

    public static String username() {
        return TestRun.setting("depotops.rabbitmq.username", "guest");
    }

    public static String password() {
        return TestRun.setting("depotops.rabbitmq.password", "guest");
    }

    /**
     * A connection factory straight to the real broker (not through a {@link FaultProxy}), in this
     * run's virtual host: test helpers publish and observe from outside the faults they inject into
     * the service's own link.
     */
    public static ConnectionFactory connectionFactory() {
        ensureVirtualHost();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername(username());
        factory.setPassword(password());
        factory.setVirtualHost(TestRun.virtualHost());
        return factory;
    }

    /** Creates this run's virtual host and gives the test user every permission on it; idempotent. */
    public static void ensureVirtualHost() {
        if (virtualHostReady) {
            return;
        }
        synchronized (TestBroker.class) {
            if (!virtualHostReady) {
                String vhost = encode(TestRun.virtualHost());
                send(
                        "PUT",
                        "/api/vhosts/" + vhost,
                        "{\"description\":\"depotops tests of "
                                + TestRun.repositoryRoot()
                                        .toString()
                                        .replace("\\", "/")
                                        .replace("\"", "'") + "\"}");
                grant(username());
                virtualHostReady = true;
            }
        }
    }

    /**
     * Lets {@code user} (an existing broker user, e.g. the one {@code deploy/dev env} gives services
     * started as processes) do everything in this run's virtual host, creating it if need be.
     */
    public static void grantVirtualHost(String user) {
        ensureVirtualHost();
        grant(user);
    }

    private static void grant(String user) {
        send(
                "PUT",
                "/api/permissions/" + encode(TestRun.virtualHost()) + "/" + encode(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    /** True when {@code queue} is bound to {@code exchange} with {@code routingKey} in this run's vhost. */
    public static boolean bound(String exchange, String queue, String routingKey) {
        String body = send(
                "GET",
                "/api/bindings/" + encode(TestRun.virtualHost()) + "/e/" + encode(exchange) + "/q/" + encode(queue),
                null);
        List<String> keys = JsonPath.from(body).getList("routing_key", String.class);
        return keys.contains(routingKey);
    }

    private static String send(String method, String path, String json) {
        URI uri = URI.create(
                "http://" + host() + ":" + TestRun.setting("depotops.rabbitmq.management-port", "15672") + path);
        String credentials =
                Base64.getEncoder().encodeToString((username() + ":" + password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                // HTTP/1.1: the management listener drops the client's h2c upgrade attempt.
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("RabbitMQ management " + method + " " + uri + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "RabbitMQ management API unreachable at " + uri + " (deploy/dev infra enables it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + uri, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
