package io.depotops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The message log's own row (issue 15: it may lag behind a burst but must lose nothing and report
 * its lag and drain time). While a burst runs it samples, every 2 s, the frames waiting in core's
 * queue {@code depotops.core.message-log} (ready and unacknowledged, RabbitMQ management API),
 * core's lag (age of the oldest frame taken and not yet written) and connect's frame buffer (age of
 * the oldest unconfirmed frame, sessions waiting for room); after the burst it waits until the
 * queue is empty and prints the peaks, the drain time from the end of the burst, and connect's
 * counters (dropped must be 0).
 */
final class MessageLogDrain {

    private static final String QUEUE = "depotops.core.message-log";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI management;
    private final String vhost;
    private final String rabbitCredentials;
    private final URI connectMetrics;
    private final URI coreMetrics;
    private final HttpClient http = HttpClient.newHttpClient();

    private volatile boolean sampling;
    private Thread sampler;
    private long peakQueued;
    private double peakCoreLag;
    private double peakConnectLag;
    private long peakWaiting;

    MessageLogDrain(
            URI management,
            String vhost,
            String rabbitUser,
            String rabbitPassword,
            URI connectMetrics,
            URI coreMetrics) {
        this.management = management;
        this.vhost = vhost;
        this.rabbitCredentials = Base64.getEncoder()
                .encodeToString((rabbitUser + ":" + rabbitPassword).getBytes(StandardCharsets.UTF_8));
        this.connectMetrics = connectMetrics;
        this.coreMetrics = coreMetrics;
    }

    /** Starts sampling the peaks (call as the burst starts). */
    void start() {
        sampling = true;
        sampler = Thread.ofVirtual().name("message-log-sampler").start(() -> {
            while (sampling) {
                sample();
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Called when the burst ends: waits until core's queue is empty (at most {@code timeout}) and
     * prints the row.
     */
    void awaitDrainAndPrint(long burstEndedNanos, Duration timeout) throws InterruptedException {
        long atEnd = queued();
        long until = burstEndedNanos + timeout.toNanos();
        long drainedAt = -1;
        while (System.nanoTime() < until) {
            long queued = queued();
            if (queued == 0) {
                drainedAt = System.nanoTime();
                break;
            }
            Thread.sleep(1_000);
        }
        sampling = false;
        sampler.join();
        sample();
        double drainSeconds = drainedAt < 0 ? -1 : (drainedAt - burstEndedNanos) / 1e9;
        System.out.printf(
                "%n  message log: %,d frames waiting in %s at the end of the burst (peak %,d); %s%n",
                atEnd,
                QUEUE,
                peakQueued,
                drainSeconds < 0
                        ? String.format(
                                "NOT drained %d s after the burst (%,d still waiting)", timeout.toSeconds(), queued())
                        : String.format("drained %.1f s after the burst", drainSeconds));
        System.out.printf(
                "  message log lag (core, age of the oldest frame being written): peak %s;"
                        + " connect's frame buffer: lag peak %s, sessions waiting for room peak %,d%n",
                seconds(peakCoreLag), seconds(peakConnectLag), peakWaiting);
        String metrics = fetch(connectMetrics);
        System.out.printf(
                "  connect's frames over the run: confirmed %,.0f, redelivered %,.0f, dropped %,.0f;"
                        + " puts that waited for room %,.0f (%.1f s in all)%n",
                sum(metrics, "depotops_buffered_confirmed_total"),
                sum(metrics, "depotops_buffered_redelivered_total"),
                sum(metrics, "depotops_buffered_dropped_total"),
                sum(metrics, "depotops_buffered_backpressure_seconds_count"),
                sum(metrics, "depotops_buffered_backpressure_seconds_sum"));
    }

    private synchronized void sample() {
        peakQueued = Math.max(peakQueued, queued());
        String core = fetch(coreMetrics);
        peakCoreLag = Math.max(peakCoreLag, sum(core, "depotops_message_log_lag_seconds"));
        String connect = fetch(connectMetrics);
        peakConnectLag = Math.max(peakConnectLag, sum(connect, "depotops_buffered_lag_seconds"));
        peakWaiting = Math.max(peakWaiting, (long) sum(connect, "depotops_buffered_waiting"));
    }

    /** Ready and unacknowledged frames in core's queue; 0 when it cannot be read. */
    private long queued() {
        URI uri = management.resolve("/api/queues/" + URLEncoder.encode(vhost, StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(QUEUE, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Basic " + rabbitCredentials)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            JsonNode queue = JSON.readTree(response.body());
            return queue.path("messages_ready").asLong()
                    + queue.path("messages_unacknowledged").asLong();
        } catch (Exception e) {
            return 0;
        }
    }

    private String fetch(URI uri) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** The sum of a metric's series in Prometheus text (all label sets); NaN counts as 0. */
    private static double sum(String metrics, String name) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                total += Double.isNaN(value) ? 0 : value;
            }
        }
        return total;
    }

    private static String seconds(double value) {
        return String.format("%.1f s", value);
    }
}
