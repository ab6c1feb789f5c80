package io.depotops.sitepwrmon.adapter.in.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sitepwrmon.application.reading.IncomingReading;
import io.depotops.sitepwrmon.application.reading.IngestReport;
import io.depotops.sitepwrmon.application.reading.ReadingService;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.Quality;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.logging.Logger;

/**
 * Readings from meter gateways over MQTT: topic {@code <prefix>/<workspace id>/meters/<meter
 * id>/reading}, payload one JSON reading ({@link MqttReading}). Messages are queued and ingested in
 * batches per workspace (up to {@code batch-size}, or what arrived within {@code batch-wait}), so a
 * gateway flood costs one transaction per batch, not per reading. A message that cannot be read
 * (topic, JSON, unknown meter, time outside the window) is counted and logged, and dropped: MQTT
 * has no way to answer it.
 */
@ApplicationScoped
class MqttReadingSubscriber {

    private static final Logger LOG = Logger.getLogger(MqttReadingSubscriber.class);

    /** A reading as a gateway publishes it; units are in the names. */
    record MqttReading(Instant time, PhaseNumbers powerW, PhaseNumbers currentA, Double energyWh, Quality quality) {}

    record PhaseNumbers(Double l1, Double l2, Double l3) {}

    private record Queued(UUID workspaceId, IncomingReading reading) {}

    private final ReadingService readings;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String url;
    private final String prefix;
    private final int batchSize;
    private final Duration batchWait;
    private final BlockingQueue<Queued> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile MqttClient client;
    private volatile boolean running;
    private Thread batcher;

    MqttReadingSubscriber(
            ReadingService readings,
            ObjectMapper json,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.url") String url,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.topic-prefix", defaultValue = "depotops") String prefix,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.batch-size", defaultValue = "1000") int batchSize,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.batch-wait", defaultValue = "PT0.05S") Duration batchWait,
            @ConfigProperty(name = "depotops.sitepwrmon.mqtt.queue-capacity", defaultValue = "50000") int capacity) {
        this.readings = readings;
        this.json = json;
        this.enabled = enabled;
        this.url = url;
        this.prefix = prefix;
        this.batchSize = batchSize;
        this.batchWait = batchWait;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void onStart(@Observes StartupEvent start) throws MqttException {
        if (!enabled) {
            return;
        }
        running = true;
        batcher = Thread.ofVirtual().name("mqtt-readings").start(this::drain);
        client = new MqttClient(url, "sitepwrmon-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                subscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warnf("MQTT connection to %s lost (%s); reconnecting", url, cause.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                receive(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        try {
            client.connect(options);
        } catch (MqttException e) {
            // The client keeps trying in the background (automatic reconnect covers only a lost
            // connection, so the first connect is retried here).
            LOG.warnf("MQTT broker %s not reachable at start (%s); retrying", url, e.getMessage());
            Thread.ofVirtual().start(() -> connectLater(options));
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        try {
            if (client != null && client.isConnected()) {
                client.disconnect(1000);
            }
            if (client != null) {
                client.close(true);
            }
        } catch (MqttException e) {
            LOG.debugf("MQTT close: %s", e.getMessage());
        }
    }

    /** Readings dropped since start because they could not be read or ingested. */
    long dropped() {
        return dropped.get();
    }

    private void connectLater(MqttConnectOptions options) {
        while (running && !client.isConnected()) {
            try {
                Thread.sleep(2000);
                client.connect(options);
            } catch (MqttException e) {
                LOG.debugf("MQTT connect: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void subscribe() {
        try {
            client.subscribe(prefix + "/+/meters/+/reading", 1);
            LOG.infof("subscribed to %s/+/meters/+/reading on %s", prefix, url);
        } catch (MqttException e) {
            LOG.warnf("MQTT subscribe failed: %s", e.getMessage());
        }
    }

    private void receive(String topic, byte[] payload) {
        String[] parts = topic.split("/");
        // <prefix>/<workspace>/meters/<meter>/reading; the prefix may hold slashes itself.
        int n = parts.length;
        if (n < 5 || !"meters".equals(parts[n - 3]) || !"reading".equals(parts[n - 1])) {
            drop(topic, "topic is not <prefix>/<workspace>/meters/<meter>/reading");
            return;
        }
        UUID workspaceId;
        try {
            workspaceId = UUID.fromString(parts[n - 4]);
        } catch (IllegalArgumentException e) {
            drop(topic, "workspace is not a UUID");
            return;
        }
        MqttReading reading;
        try {
            reading = json.readValue(payload, MqttReading.class);
        } catch (Exception e) {
            drop(topic, "payload is not a reading: " + e.getMessage());
            return;
        }
        if (reading.time() == null) {
            drop(topic, "payload has no time");
            return;
        }
        IncomingReading incoming = new IncomingReading(
                parts[n - 2],
                reading.time(),
                phases(reading.powerW()),
                phases(reading.currentA()),
                reading.energyWh(),
                reading.quality() == null ? Quality.GOOD : reading.quality());
        if (!queue.offer(new Queued(workspaceId, incoming))) {
            drop(topic, "ingest queue full");
        }
    }

    private void drain() {
        List<Queued> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                Queued first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long until = System.nanoTime() + batchWait.toNanos();
                while (batch.size() < batchSize) {
                    Queued next = queue.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                ingest(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                dropped.addAndGet(batch.size());
                LOG.warnf(e, "MQTT batch of %d readings not ingested", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void ingest(List<Queued> batch) {
        Map<UUID, List<IncomingReading>> byWorkspace = new HashMap<>();
        for (Queued queued : batch) {
            byWorkspace
                    .computeIfAbsent(queued.workspaceId(), w -> new ArrayList<>())
                    .add(queued.reading());
        }
        byWorkspace.forEach((workspaceId, list) -> {
            IngestReport report = readings.ingest(workspaceId, list);
            if (!report.refused().isEmpty()) {
                dropped.addAndGet(report.refused().size());
                LOG.warnf(
                        "MQTT readings of workspace %s refused: %s",
                        workspaceId, report.refused().stream().limit(5).toList());
            }
        });
    }

    private void drop(String topic, String reason) {
        dropped.incrementAndGet();
        LOG.warnf("MQTT message on %s dropped: %s", topic.length() > 200 ? topic.substring(0, 200) : topic, reason);
    }

    private static PhaseValues phases(PhaseNumbers values) {
        return values == null ? PhaseValues.NONE : new PhaseValues(values.l1(), values.l2(), values.l3());
    }
}
