package io.depotops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * What is still waiting after a phase: the vhost's queues (RabbitMQ management API: messages ready
 * and unacknowledged, the backlog of each consumer, core's among them) and each service's outbox
 * (rows not yet published and the age of the oldest).
 */
final class Backlogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI management;
    private final String vhost;
    private final String rabbitCredentials;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final List<String> outboxSchemas;

    Backlogs(
            URI management,
            String vhost,
            String rabbitUser,
            String rabbitPassword,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            List<String> outboxSchemas) {
        this.management = management;
        this.vhost = vhost;
        this.rabbitCredentials = Base64.getEncoder()
                .encodeToString((rabbitUser + ":" + rabbitPassword).getBytes(StandardCharsets.UTF_8));
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.outboxSchemas = outboxSchemas;
    }

    void print(String when) {
        System.out.println("  backlogs " + when + ":");
        printQueues();
        outboxSchemas.forEach(this::printOutbox);
    }

    private void printQueues() {
        URI uri = management.resolve("/api/queues/" + URLEncoder.encode(vhost, StandardCharsets.UTF_8)
                + "?columns=name,messages_ready,messages_unacknowledged,consumers");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Basic " + rabbitCredentials)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.out.println("    queues: management API answered " + response.statusCode());
                return;
            }
            for (JsonNode queue : JSON.readTree(response.body())) {
                String name = queue.path("name").asText();
                if (!name.startsWith("depotops.")) {
                    continue;
                }
                System.out.printf(
                        "    queue %-45s ready %,9d  unacked %,6d  consumers %d%n",
                        name,
                        queue.path("messages_ready").asLong(),
                        queue.path("messages_unacknowledged").asLong(),
                        queue.path("consumers").asInt());
            }
        } catch (Exception e) {
            System.out.println("    queues: " + e);
        }
    }

    private void printOutbox(String schema) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement sql = db.createStatement()) {
            ResultSet pending;
            try {
                pending = sql.executeQuery("select count(*), extract(epoch from now() - min(created_at)) from " + schema
                        + ".outbox_message where published_at is null");
            } catch (SQLException noPublishedAt) {
                // an outbox that deletes rows once published: every row is pending
                pending = sql.executeQuery("select count(*), extract(epoch from now() - min(created_at)) from " + schema
                        + ".outbox_message");
            }
            pending.next();
            long rows = pending.getLong(1);
            double age = pending.getDouble(2);
            System.out.printf(
                    "    outbox %-22s unpublished %,9d  oldest %s%n",
                    schema, rows, rows == 0 ? "-" : String.format("%.1f s", age));
        } catch (SQLException e) {
            System.out.println("    outbox " + schema + ": " + e.getMessage());
        }
    }
}
