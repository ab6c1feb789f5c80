package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.domain.config.SiteNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A run's site tree as sitepwrmon sees a real one: every node of the config's tree registered in
 * sitepwrmon under core's site (the root as the grid connection), each with an MQTT meter, and
 * every meter interval each node's load published as a reading on {@code
 * <prefix>/{workspaceId}/meters/{meterId}/reading} (the topic layout of sitepwrmon's README, prefix
 * {@code depotops} unless configured otherwise), with
 * the simulated time and the node's imported energy so far.
 */
final class SitePowerMeters implements AutoCloseable {

    /** Phase voltage the readings' currents are derived with (a European low-voltage site). */
    private static final double PHASE_VOLTAGE = 230;

    private record Created(String path, String etag) {}

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI sitepwrmonUrl;
    private final URI broker;
    private final String topicPrefix;
    private final DepotSuite.Target target;
    private final OcppIds ids;
    private final List<Created> created = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notRemoved = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> meterOfNode = new HashMap<>();
    private final Map<String, String> sitepwrmonNodeOf = new HashMap<>();
    private final Map<String, Double> energyWh = new HashMap<>();
    private final Map<String, Instant> lastReadingAt = new HashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private MqttAsyncClient mqtt;

    SitePowerMeters(
            HttpClient http,
            ObjectMapper json,
            URI sitepwrmonUrl,
            URI broker,
            String topicPrefix,
            DepotSuite.Target target,
            OcppIds ids) {
        this.http = http;
        this.json = json;
        this.sitepwrmonUrl = sitepwrmonUrl;
        this.broker = broker;
        this.topicPrefix = topicPrefix;
        this.target = target;
        this.ids = ids;
    }

    /** The meter id of a config node (what the run publishes under). */
    String meterOf(String nodeId) {
        return meterOfNode.get(nodeId);
    }

    /** sitepwrmon's node id of a config node. */
    String sitepwrmonNodeOf(String nodeId) {
        return sitepwrmonNodeOf.get(nodeId);
    }

    long published() {
        return published.get();
    }

    long failed() {
        return failed.get();
    }

    List<String> notRemoved() {
        return List.copyOf(notRemoved);
    }

    /** Registers the tree and its meters under core's site, then connects to the broker. */
    void register(SiteNode root, String coreSiteId) {
        try {
            registerNode(root, null, coreSiteId);
            String clientId = "depot-sim-" + ids.prefix().replaceAll("[^A-Za-z0-9]", "");
            mqtt = new MqttAsyncClient(broker.toString(), clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setAutomaticReconnect(true);
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            options.setConnectionTimeout(5);
            mqtt.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            removeAll();
            throw new IllegalStateException("MQTT broker unreachable at " + broker + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            removeAll();
            throw e;
        }
    }

    private void registerNode(SiteNode node, String parentId, String coreSiteId) {
        ObjectNode body = json.createObjectNode();
        body.put("siteId", coreSiteId);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("kind", parentId == null ? "GRID_CONNECTION" : node.children().isEmpty() ? "CIRCUIT" : "SWITCHBOARD");
        body.put("name", node.name() == null ? node.id() : node.name());
        if (node.limitKw() > 0) {
            body.put("limitKw", node.limitKw());
        }
        body.put("voltageV", PHASE_VOLTAGE);
        JsonNode answer = send("POST", "/nodes", body, 201);
        String id = answer.path("id").asText();
        sitepwrmonNodeOf.put(node.id(), id);

        String meterId = (ids.prefix() + "M-" + node.id()).replaceAll("[^A-Za-z0-9._:-]", "_");
        ObjectNode meter = json.createObjectNode();
        meter.put("nodeId", id);
        meter.put("protocol", "MQTT");
        meter.put("silentAfterSeconds", 300);
        send("PUT", "/meters/" + meterId, meter, 201);
        meterOfNode.put(node.id(), meterId);
        for (SiteNode child : node.children()) {
            registerNode(child, id, coreSiteId);
        }
    }

    /** Publishes one reading of the node (QoS 1, without waiting: the broker's answer is counted). */
    void reading(String nodeId, double loadKw, Instant at) {
        String meterId = meterOfNode.get(nodeId);
        if (meterId == null || mqtt == null) {
            return;
        }
        Instant previous = lastReadingAt.put(nodeId, at);
        double hours = previous == null ? 0 : Duration.between(previous, at).toMillis() / 3_600_000.0;
        double energy = energyWh.merge(nodeId, Math.max(0, loadKw) * hours * 1000, Double::sum);
        double phaseWatts = loadKw * 1000 / 3;
        double phaseAmps = phaseWatts / PHASE_VOLTAGE;
        ObjectNode payload = json.createObjectNode();
        payload.put("time", at.toString());
        payload.putObject("powerW").put("l1", phaseWatts).put("l2", phaseWatts).put("l3", phaseWatts);
        payload.putObject("currentA").put("l1", phaseAmps).put("l2", phaseAmps).put("l3", phaseAmps);
        payload.put("energyWh", Math.round(energy));
        payload.put("quality", "GOOD");
        String topic = topicPrefix + "/" + target.workspaceId() + "/meters/" + meterId + "/reading";
        MqttMessage message = new MqttMessage(payload.toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            mqtt.publish(topic, message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    published.incrementAndGet();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    failed.incrementAndGet();
                }
            });
        } catch (MqttException e) {
            // Disconnected or too many in flight: this reading is lost, as a real meter's would be.
            failed.incrementAndGet();
        }
    }

    /** Meters first, then nodes leaves first (sitepwrmon keeps a node with a meter or nodes below it). */
    void removeAll() {
        List<Created> toRemove;
        synchronized (created) {
            toRemove = new ArrayList<>(created);
            created.clear();
        }
        Collections.reverse(toRemove);
        toRemove.sort((a, b) ->
                Boolean.compare(!a.path().contains("/meters/"), !b.path().contains("/meters/")));
        for (Created resource : toRemove) {
            try {
                HttpRequest.Builder request = request(resource.path());
                if (resource.etag() != null) {
                    request.header("If-Match", resource.etag());
                }
                HttpResponse<String> response =
                        http.send(request.DELETE().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 204 && response.statusCode() != 404) {
                    notRemoved.add(resource.path() + ": " + response.statusCode());
                }
            } catch (IOException e) {
                notRemoved.add(resource.path() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (mqtt == null) {
            return;
        }
        try {
            if (mqtt.isConnected()) {
                mqtt.disconnect(5_000).waitForCompletion(6_000);
            }
            mqtt.close();
        } catch (MqttException e) {
            // Closing anyway: nothing is left to send.
        }
    }

    private JsonNode send(String method, String path, ObjectNode body, int expected) {
        String full = "/api/v1/workspaces/" + target.workspaceId() + path;
        try {
            HttpResponse<String> response = http.send(
                    request(full)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                String text = response.body();
                throw new IllegalStateException("sitepwrmon refused " + method + " " + full + ": "
                        + response.statusCode() + " " + (text.length() > 300 ? text.substring(0, 300) : text));
            }
            JsonNode answer = json.readTree(response.body());
            String location = path.startsWith("/meters/")
                    ? full
                    : full + "/" + answer.path("id").asText();
            created.add(
                    new Created(location, response.headers().firstValue("ETag").orElse(null)));
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("sitepwrmon unreachable at " + sitepwrmonUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(sitepwrmonUrl.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + target.token());
    }
}
