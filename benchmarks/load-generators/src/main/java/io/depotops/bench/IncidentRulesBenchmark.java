package io.depotops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.notifications.WebhookHeaders;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load generator for manage-incidents (issue 12's performance targets): installs {@code --rules}
 * rules in one workspace (every one reads {@code core.transaction.ended.v1}, so every event is
 * evaluated against all of them), publishes {@code --rate} events/s for {@code --duration} seconds
 * on {@code depotops.events}, {@code --firing-share} of them raising an incident, and measures:
 * published -> {@code incidents.incident.opened.v1} (the outbox event, so after the commit),
 * opened -> webhook received at a receiver in this process, and the incidents queue's backlog
 * after the run. Then a flapping charger (FAULTED / AVAILABLE every {@code --flap-seconds}) under
 * the {@code charger-faulted} rule with a 5 s pending time must open nothing and notify nothing;
 * held FAULTED afterwards, it opens exactly one incident and one notification.
 *
 * <p>Options: --api URL --jwt TOKEN --workspace ID --amqp URI --rate 5000 --duration 120 --rules
 * 200 --firing-share 0.01 --webhook-port 18099 --flap-seconds 2 --flaps 10
 */
public final class IncidentRulesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDED = "core.transaction.ended.v1";
    private static final String QUEUE = "depotops.incidents.events";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();
    private final Recorder toOpened = new Recorder(3);
    private final Recorder toNotified = new Recorder(3);
    private final LongAdder opened = new LongAdder();
    private final LongAdder notified = new LongAdder();
    private final Map<String, LongAdder> notifiedBySubject = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> openedBySubject = new ConcurrentHashMap<>();
    private volatile boolean measuring;

    private IncidentRulesBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new IncidentRulesBenchmark(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        int rate = Integer.parseInt(option("rate", "5000"));
        int duration = Integer.parseInt(option("duration", "120"));
        int rules = Integer.parseInt(option("rules", "200"));
        double firingShare = Double.parseDouble(option("firing-share", "0.01"));
        String workspace = options.get("workspace");

        HttpServer receiver = receiver(Integer.parseInt(option("webhook-port", "18099")));
        installRules(workspace, rules, receiver.getAddress().getPort());

        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(options.get("amqp"));
        try (Connection connection = factory.newConnection("incident-rules-bench")) {
            listenForOpened(connection.createChannel());
            Channel out = connection.createChannel();

            // 10 s of warm-up at the full rate (JIT, pools), not measured
            publishAtRate(out, workspace, rate, 10, rules, firingShare);
            measuring = true;
            toOpened.reset();
            toNotified.reset();
            long start = System.nanoTime();
            long published = publishAtRate(out, workspace, rate, duration, rules, firingShare);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(3000);
            long backlog = out.queueDeclarePassive(QUEUE).getMessageCount();
            measuring = false;

            Histogram o = toOpened.getIntervalHistogram();
            Histogram n = toNotified.getIntervalHistogram();
            System.out.printf(
                    "published %,d events in %.1f s (%,.0f/s) through %d rules; %,d incidents opened%n",
                    published, seconds, published / seconds, rules, o.getTotalCount());
            System.out.printf(
                    "published -> incident opened (ms): p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    o.getValueAtPercentile(50) / 1000.0,
                    o.getValueAtPercentile(99) / 1000.0,
                    o.getValueAtPercentile(99.9) / 1000.0,
                    o.getMaxValue() / 1000.0);
            System.out.printf(
                    "incident opened -> webhook received (ms, %,d notifications): p50 %.1f  p99 %.1f  max %.1f%n",
                    n.getTotalCount(),
                    n.getValueAtPercentile(50) / 1000.0,
                    n.getValueAtPercentile(99) / 1000.0,
                    n.getMaxValue() / 1000.0);
            System.out.printf("queue %s backlog 3 s after the run: %,d messages%n", QUEUE, backlog);

            // the flapping charger's events must not wait behind the backlog, or its changes would
            // be applied in one burst and say nothing about the pending time
            long drainDeadline = System.currentTimeMillis() + 180_000;
            while (backlog > 0 && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(1000);
                backlog = out.queueDeclarePassive(QUEUE).getMessageCount();
            }
            if (backlog > 0) {
                System.out.printf("flapping charger not run: %,d messages still queued after 3 min%n", backlog);
            } else {
                flappingCharger(out, workspace);
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** Publishes at {@code rate}/s in 10 ms slices for {@code seconds}; returns how many. */
    private long publishAtRate(Channel out, String workspace, int rate, int seconds, int rules, double firingShare)
            throws Exception {
        long sliceNanos = 10_000_000L;
        double perSlice = rate / 100.0;
        long slices = seconds * 100L;
        long start = System.nanoTime();
        long published = 0;
        double owed = 0;
        java.util.Random random = new java.util.Random(42);
        for (long slice = 0; slice < slices; slice++) {
            owed += perSlice;
            while (owed >= 1) {
                owed--;
                boolean firing = random.nextDouble() < firingShare;
                int group = random.nextInt(rules);
                String transaction = UUID.randomUUID().toString();
                Map<String, Object> data = Map.of(
                        "transactionId",
                        transaction,
                        "chargePointId",
                        "BENCH-CP-" + random.nextInt(1000),
                        "stopReason",
                        firing ? "EmergencyStop" : "EVDisconnected",
                        "energyWh",
                        firing ? 0 : 20_000,
                        "group",
                        group);
                if (firing) {
                    publishedAt.put(transaction, System.nanoTime());
                }
                publish(
                        out,
                        DepotopsEvents.create(ENDED, "/bench", transaction, workspace, JSON.writeValueAsBytes(data)));
                published++;
            }
            long due = start + (slice + 1) * sliceNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return published;
    }

    private static void publish(Channel out, CloudEvent event) throws Exception {
        out.basicPublish(
                Exchanges.EVENTS,
                event.getType(),
                new AMQP.BasicProperties.Builder()
                        .contentType(DepotopsEvents.CONTENT_TYPE)
                        .messageId(event.getId())
                        .deliveryMode(2)
                        .build(),
                DepotopsEvents.serialize(event));
    }

    /** The outbox's {@code incidents.incident.opened.v1} events, matched to their firing event. */
    private void listenForOpened(Channel in) throws Exception {
        String queue = in.queueDeclare("", false, true, true, null).getQueue();
        in.queueBind(queue, Exchanges.EVENTS, "incidents.incident.opened.v1");
        in.basicConsume(
                queue,
                true,
                (tag, delivery) -> {
                    long now = System.nanoTime();
                    JsonNode data = JSON.readTree(DepotopsEvents.deserialize(delivery.getBody())
                            .getData()
                            .toBytes());
                    String subject = data.path("subject").asText();
                    opened.increment();
                    openedAt.put(data.path("incidentId").asText(), now);
                    openedBySubject
                            .computeIfAbsent(subject, s -> new LongAdder())
                            .increment();
                    Long sent = publishedAt.remove(subject);
                    if (sent != null && measuring) {
                        toOpened.recordValue(Math.max(0, (now - sent) / 1000));
                    }
                },
                tag -> {});
    }

    private HttpServer receiver(int port) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            exchange.getRequestHeaders().getFirst(WebhookHeaders.DELIVERY_ID);
            notified.increment();
            notifiedBySubject
                    .computeIfAbsent(body.path("resourceId").asText(), s -> new LongAdder())
                    .increment();
            Long at = openedAt.get(body.path("incidentId").asText());
            if (at != null && measuring && "OPENED".equals(body.path("kind").asText())) {
                toNotified.recordValue(Math.max(0, (now - at) / 1000));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /**
     * {@code rules} rules on {@code core.transaction.ended.v1}, one per {@code group}: every tenth
     * CRITICAL (routed to the webhook channel, minSeverity MAJOR), the others MINOR.
     */
    private void installRules(String workspace, int rules, int webhookPort) throws Exception {
        for (int k = 0; k < rules; k++) {
            Map<String, Object> rule = Map.of(
                    "name",
                    "bench rule " + k,
                    "eventTypes",
                    List.of(ENDED),
                    "condition",
                    "event.data.group == " + k + " && event.data.energyWh == 0"
                            + " && event.data.stopReason == 'EmergencyStop'",
                    "forSeconds",
                    0,
                    "severity",
                    k % 10 == 0 ? "CRITICAL" : "MINOR",
                    "labels",
                    Map.of("bench", "incident-rules"));
            post("/api/v1/workspaces/" + workspace + "/incident-rules", rule);
        }
        post(
                "/api/v1/workspaces/" + workspace + "/incident-rule-templates/charger-faulted/install",
                Map.of("forSeconds", 5));
        post(
                "/api/v1/workspaces/" + workspace + "/notification-channels",
                Map.of(
                        "name", "bench receiver",
                        "type", "WEBHOOK",
                        "webhookUrl", "http://127.0.0.1:" + webhookPort + "/hook",
                        "webhookSecret", "bench-secret-of-some-length",
                        "minSeverity", "MAJOR"));
    }

    private void post(String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(options.get("api") + path))
                        .header("Authorization", "Bearer " + options.get("jwt"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * A charger that flaps FAULTED / AVAILABLE faster than the rule's 5 s pending time opens and
     * notifies nothing; held FAULTED, it opens one incident and sends one notification.
     */
    private void flappingCharger(Channel out, String workspace) throws Exception {
        int flapSeconds = Integer.parseInt(option("flap-seconds", "2"));
        int flaps = Integer.parseInt(option("flaps", "10"));
        String cp =
                "BENCH-FLAP-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        publish(
                out,
                DepotopsEvents.create(
                        "core.charger.registered.v1",
                        "/manage-core",
                        UUID.randomUUID().toString(),
                        workspace,
                        JSON.writeValueAsBytes(Map.of(
                                "chargerId",
                                UUID.randomUUID().toString(),
                                "chargePointId",
                                cp,
                                "siteId",
                                "bench-site"))));
        Thread.sleep(1000);
        for (int i = 0; i < flaps; i++) {
            status(out, cp, i % 2 == 0 ? "FAULTED" : "AVAILABLE");
            Thread.sleep(flapSeconds * 1000L);
        }
        status(out, cp, "AVAILABLE");
        Thread.sleep(7000); // past the pending time
        long openedWhileFlapping = count(openedBySubject, cp);
        long notifiedWhileFlapping = count(notifiedBySubject, cp);
        Instant held = Instant.now();
        status(out, cp, "FAULTED");
        long deadline = System.currentTimeMillis() + 20_000;
        while (count(notifiedBySubject, cp) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double notifiedAfter = (Instant.now().toEpochMilli() - held.toEpochMilli()) / 1000.0;
        Thread.sleep(3000);
        System.out.printf(
                "flapping charger %s (%d changes, one every %d s, rule pending 5 s): %d incidents opened,"
                        + " %d notifications%n",
                cp, flaps, flapSeconds, openedWhileFlapping, notifiedWhileFlapping);
        System.out.printf(
                "then held FAULTED: %d incident opened, %d notification, received %.1f s after the fault"
                        + " (5 s pending time)%n",
                count(openedBySubject, cp), count(notifiedBySubject, cp), notifiedAfter);
    }

    private void status(Channel out, String cp, String status) throws Exception {
        publish(
                out,
                DepotopsEvents.create(
                        "connect.charger.status-changed.v1",
                        "/manage-connect",
                        cp,
                        null,
                        JSON.writeValueAsBytes(Map.of("chargePointId", cp, "connectorId", 1, "status", status))));
    }

    private static long count(Map<String, LongAdder> counts, String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
