package io.depotops.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load generator for the streaming telematics path: registers vehicles in core (REST), streams one
 * generic-format update per vehicle per interval through the telematics service's websocket, and
 * measures the acknowledgement round trip and the end-to-end freshness: from an update's
 * observedAt (stamped when sent) to core's {@code core.telematics.vehicle-updated.v1} event for it,
 * which core publishes after the snapshot was committed.
 *
 * <p>Options: --core URL --jwt TOKEN --workspace ID --depot ID --stream ws://.../stream/bench
 * --stream-token T --vehicles 20000 --interval 10 --duration 60 --connections 20 --amqp URI
 * --after-registration 'shell command'
 */
public final class TelematicsLoad {

    private static final Pattern OBSERVED_AT = Pattern.compile("\"observedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACK_IDS = Pattern.compile("\"([^\"]+)\"");
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private final Map<String, String> options;
    private final Recorder ackLatency = new Recorder(3);
    private final Recorder freshness = new Recorder(3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder updatedEvents = new LongAdder();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    private TelematicsLoad(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new TelematicsLoad(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int vehicles = Integer.parseInt(options.getOrDefault("vehicles", "20000"));
        int intervalSeconds = Integer.parseInt(options.getOrDefault("interval", "10"));
        int durationSeconds = Integer.parseInt(options.getOrDefault("duration", "60"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "20"));
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        register(http, vehicles, run);
        if (options.containsKey("after-registration")) {
            // e.g. refresh the planner's statistics, as autovacuum would shortly after a bulk import
            new ProcessBuilder("sh", "-c", options.get("after-registration"))
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        try (Connection amqp = listenForSnapshotUpdates()) {
            List<StreamConnection> streams = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                streams.add(new StreamConnection(http));
            }
            System.out.printf("%d stream connections open%n", streams.size());

            // Each vehicle reports once per interval; the vehicles are spread over the interval and
            // the connections, and each tick sends the due ones as one array per connection.
            int ticksPerInterval = intervalSeconds * 10;
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger tick = new AtomicInteger();
            clock.scheduleAtFixedRate(
                    () -> {
                        int slot = tick.getAndIncrement() % ticksPerInterval;
                        List<StringBuilder> frames = new ArrayList<>();
                        for (int c = 0; c < connections; c++) {
                            frames.add(new StringBuilder("["));
                        }
                        String now = Instant.now().toString();
                        for (int v = slot; v < vehicles; v += ticksPerInterval) {
                            String messageId = run + "-" + v + "-" + tick.get();
                            StringBuilder frame = frames.get(v % connections);
                            if (frame.length() > 1) {
                                frame.append(',');
                            }
                            frame.append("{\"messageId\":\"")
                                    .append(messageId)
                                    .append("\",\"deviceId\":\"DEV-")
                                    .append(run)
                                    .append('-')
                                    .append(v)
                                    .append("\",\"observedAt\":\"")
                                    .append(now)
                                    .append("\",\"stateOfChargePercent\":")
                                    .append(20 + (tick.get() + v) % 80)
                                    .append(",\"odometerKm\":")
                                    .append(100_000 + tick.get())
                                    .append(",\"pluggedIn\":true,\"chargingState\":\"CHARGING\"}");
                            sentAt.put(messageId, System.nanoTime());
                            sent.increment();
                        }
                        for (int c = 0; c < connections; c++) {
                            if (frames.get(c).length() > 1) {
                                streams.get(c).send(frames.get(c).append(']').toString());
                            }
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);

            // The first interval warms up (JIT, pools); measure after it.
            Thread.sleep(intervalSeconds * 1000L);
            reset();
            long start = System.nanoTime();
            Thread.sleep(durationSeconds * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Histogram acks = ackLatency.getIntervalHistogram();
            Histogram fresh = freshness.getIntervalHistogram();
            long sentInWindow = sent.sum();
            clock.shutdownNow();
            Thread.sleep(5000); // let the last updates arrive before closing
            System.out.printf(
                    "%n== %,d vehicles, one update each per %d s, %d connections, %d s ==%n"
                            + "  sent %,d updates (%.0f/s), acknowledged %,d (%.0f/s), refused %,d%n"
                            + "  acknowledgement round trip: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n"
                            + "  snapshot updated in core (vehicle-updated events) %,d (%.0f/s)%n"
                            + "  freshness, observedAt -> core's event: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms,"
                            + " max %.0f ms%n",
                    vehicles,
                    intervalSeconds,
                    connections,
                    durationSeconds,
                    sentInWindow,
                    sentInWindow / elapsed,
                    acked.sum(),
                    acked.sum() / elapsed,
                    refused.sum(),
                    acks.getValueAtPercentile(50) / 1000.0,
                    acks.getValueAtPercentile(99) / 1000.0,
                    acks.getMaxValue() / 1000.0,
                    updatedEvents.sum(),
                    updatedEvents.sum() / elapsed,
                    fresh.getValueAtPercentile(50) / 1000.0,
                    fresh.getValueAtPercentile(90) / 1000.0,
                    fresh.getValueAtPercentile(99) / 1000.0,
                    fresh.getMaxValue() / 1000.0);
            streams.forEach(StreamConnection::close);
        }
        System.out.println("run id " + run + " (device ids DEV-" + run + "-N)");
    }

    private void reset() {
        ackLatency.reset();
        freshness.reset();
        sent.reset();
        acked.reset();
        refused.reset();
        updatedEvents.reset();
    }

    /** Registers the vehicles with their telematics devices through core's API, 32 at a time. */
    private void register(HttpClient http, int vehicles, String run) throws Exception {
        URI uri = URI.create(options.get("core") + "/api/v1/workspaces/" + options.get("workspace") + "/vehicles");
        CoreRegistration.postAll(
                http,
                uri,
                options.get("jwt"),
                vehicles,
                32,
                "vehicles",
                v -> "{\"depotId\":\""
                        + options.get("depot") + "\",\"vin\":\"" + vin(run, v) + "\",\"fleetNumber\":\"T-" + v
                        + "\",\"batteryKwh\":400,\"telematicsProvider\":\"bench\","
                        + "\"telematicsDeviceId\":\"DEV-" + run + "-" + v + "\"}");
    }

    /** 17 characters: B, the run (8, letters I, O, Q replaced), the vehicle number (8 digits). */
    private static String vin(String run, int v) {
        StringBuilder vin = new StringBuilder("B");
        for (char c : (run + "XXXXXXXX").substring(0, 8).toCharArray()) {
            vin.append(VIN_CHARS.indexOf(c) >= 0 ? c : 'X');
        }
        return vin.append(String.format("%08d", v)).toString();
    }

    private Connection listenForSnapshotUpdates() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(options.getOrDefault("amqp", "amqp://guest:guest@127.0.0.1:5672"));
        Connection connection = factory.newConnection("telematics-load");
        Channel channel = connection.createChannel();
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, "depotops.events", "core.telematics.vehicle-updated.v1");
        DeliverCallback onEvent = (tag, delivery) -> {
            long now = System.currentTimeMillis();
            Matcher observed = OBSERVED_AT.matcher(new String(delivery.getBody(), StandardCharsets.UTF_8));
            if (observed.find()) {
                long age = now - Instant.parse(observed.group(1)).toEpochMilli();
                freshness.recordValue(Math.max(1, age * 1000));
                updatedEvents.increment();
            }
        };
        channel.basicConsume(queue, true, onEvent, tag -> {});
        return connection;
    }

    /** One provider connection to the telematics service's stream endpoint. */
    private final class StreamConnection implements WebSocket.Listener {

        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

        StreamConnection(HttpClient http) {
            this.socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + options.get("stream-token"))
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(options.get("stream")), this)
                    .join();
        }

        synchronized void send(String frame) {
            sending = sending.thenCompose(previous -> socket.sendText(frame, true));
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark over");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                answered(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void answered(String answer) {
            long now = System.nanoTime();
            boolean error = answer.contains("\"error\"");
            Matcher ids = ACK_IDS.matcher(answer);
            while (ids.find()) {
                Long at = sentAt.remove(ids.group(1));
                if (at != null) {
                    if (error) {
                        refused.increment();
                    } else {
                        acked.increment();
                        ackLatency.recordValue(Math.max(1, (now - at) / 1000));
                    }
                }
            }
        }
    }
}
