package io.depotops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * benchmarks/outbox-drain runs this (never the ordinary build: the name is no test's, and it needs
 * {@code -Ddepotops.bench.outbox-drain=true}). In this run's throwaway schema on the real
 * PostgreSQL it fills the outbox with N rows while holding the relay's lock, then lets the relay
 * drain them to the real RabbitMQ (into a durable queue, so the broker persists each message before
 * it confirms) and prints the drain rate, the pending query before and after, and the buffered
 * publisher's rate for frames. The service reaches both servers through the test run's fault
 * proxies (platform-testing), as in every test here.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "depotops.bench.outbox-drain", matches = "true")
class OutboxDrainBenchmark {

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(current_schema() || '.outbox_message'))";

    @Inject
    OutboxRelay relay;

    @Inject
    BufferedPublisher frames;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Test
    void drain() throws Exception {
        int rows = Integer.getInteger("depotops.bench.rows", 500_000);
        int frameCount = Integer.getInteger("depotops.bench.frames", 200_000);
        String routingKey = "bench.outbox-drain." + UUID.randomUUID().toString().substring(0, 8);
        String queue = "depotops.bench.outbox-drain";
        try (com.rabbitmq.client.Connection broker =
                        TestBroker.connectionFactory().newConnection("outbox-drain-bench");
                Channel channel = broker.createChannel()) {
            channel.exchangeDeclare(Exchanges.EVENTS, "topic", true);
            channel.queueDelete(queue);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, Exchanges.EVENTS, routingKey + ".#");
            try {
                drainOutbox(rows, routingKey);
                publishFrames(frameCount, routingKey + ".frames");
                System.out.printf(
                        "%n  broker queue %s holds %,d messages (persistent, durable queue)%n",
                        queue, channel.messageCount(queue));
            } finally {
                channel.queueDelete(queue);
            }
        }
    }

    private void drainOutbox(int rows, String routingKey) throws Exception {
        double publishedBefore = meters.counter("depotops.outbox.published").count();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                // The relay waits while the outbox fills, as it would behind a long outage.
                lock.execute(LOCK);
            }
            long filling = System.nanoTime();
            fill(rows, routingKey);
            System.out.printf(
                    "%n== outbox drain: %,d rows of ~%,d bytes, 10,000 aggregates ==%n  filled in %.1f s;"
                            + " table %s%n",
                    rows, bodySize(), seconds(filling), tableSize());
            System.out.println("  pending query with the backlog, from the start:");
            explain(0);

            long started = System.nanoTime();
            holder.commit();
            relay.wakeUp();
            double lastPrinted = 0;
            while (meters.counter("depotops.outbox.published").count() - publishedBefore < rows) {
                Thread.sleep(250);
                double elapsed = seconds(started);
                if (elapsed - lastPrinted >= 5) {
                    lastPrinted = elapsed;
                    System.out.printf(
                            "  %5.1f s: %,.0f published, lag %.1f s, pending %,.0f%n",
                            elapsed,
                            meters.counter("depotops.outbox.published").count() - publishedBefore,
                            relay.lagSeconds(),
                            relay.pendingMessages());
                }
                assertThat(elapsed).as("drained within 10 minutes").isLessThan(600);
            }
            double drained = seconds(started);
            System.out.printf(
                    "  drained %,d rows in %.1f s: %,.0f events/s (publish with confirms + delete)%n",
                    rows, drained, rows / drained);
        }
        System.out.printf("  table right after the drain: %s, %,d rows%n", tableSize(), count());
        System.out.printf("  pending query after the drain, from the relay's floor (%,d):%n", relay.floor());
        explain(relay.floor());
        System.out.println("  pending query after the drain, from the start (dead entries not yet vacuumed):");
        explain(0);
        long waiting = System.nanoTime();
        while (buffers(0) > 20 && seconds(waiting) < 60) {
            Thread.sleep(500);
        }
        System.out.printf("  after the relay's vacuum (%.1f s later), from the start:%n", seconds(waiting));
        explain(0);
        System.out.printf("  table after its vacuum: %s%n", tableSize());
    }

    private void publishFrames(int count, String routingKey) throws InterruptedException {
        System.out.printf(
                "%n== buffered publisher (frames): %,d frames, capacity %,d, offered as fast as it takes them ==%n",
                count, Integer.getInteger("depotops.buffered-publisher.capacity", 0));
        double before = meters.counter("depotops.buffered.confirmed").count();
        double droppedBefore = meters.counter("depotops.buffered.dropped").count();
        String frame = "[2,\"19223201\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":1073741901,"
                + "\"meterValue\":[{\"timestamp\":\"2026-11-29T10:00:00Z\",\"sampledValue\":[{\"value\":\"12345.6\","
                + "\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},{\"value\":\"22000\","
                + "\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"},{\"value\":\"57\",\"measurand\":\"SoC\","
                + "\"unit\":\"Percent\"}]}]}]";
        long started = System.nanoTime();
        long waitsBefore = meters.timer("depotops.buffered.backpressure").count();
        for (int i = 0; i < count; i++) {
            CloudEvent event = DepotopsEvents.create(
                    routingKey,
                    "/manage-connect",
                    "CP-" + (i % 10_000),
                    null,
                    ("{\"chargePointId\":\"CP-" + (i % 10_000) + "\",\"ocppVersion\":\"1.6\",\"direction\":\"in\","
                                    + "\"frame\":" + quoted(frame) + "}")
                            .getBytes(StandardCharsets.UTF_8));
            // Full: the put waits for room, as connect's sessions do.
            frames.put(event);
        }
        double offered = seconds(started);
        while (meters.counter("depotops.buffered.confirmed").count() - before < count) {
            Thread.sleep(50);
        }
        double confirmed = seconds(started);
        System.out.printf(
                "  %,d frames confirmed in %.1f s: %,.0f frames/s (putting took %.1f s, %,d puts waited for room)%n",
                count,
                confirmed,
                count / confirmed,
                offered,
                meters.timer("depotops.buffered.backpressure").count() - waitsBefore);
        System.out.printf(
                "  drops counted meanwhile: %,.0f%n",
                meters.counter("depotops.buffered.dropped").count() - droppedBefore);
    }

    private void fill(int rows, String routingKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                  insert into outbox_message
                    (message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body)
                  select gen_random_uuid()::text, 'charger', 'CP-' || (i % 10000), ?, ?,
                         'application/cloudevents+json', convert_to(repeat('x', ?), 'UTF8')
                  from generate_series(1, ?) i
                  """)) {
            insert.setString(1, Exchanges.EVENTS);
            insert.setString(2, routingKey + ".meter-values");
            insert.setInt(3, bodySize());
            insert.setInt(4, rows);
            insert.executeUpdate();
        }
    }

    private static int bodySize() {
        return Integer.getInteger("depotops.bench.body-bytes", 600);
    }

    private void explain(long from) throws SQLException {
        for (String line : plan(from)) {
            if (line.contains("Buffers") || line.contains("Execution Time") || line.contains("Index")) {
                System.out.println("      " + line.strip());
            }
        }
    }

    private long buffers(long from) throws SQLException {
        for (String line : plan(from)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("shared(?: hit=(\\d+))?(?: read=(\\d+))?")
                    .matcher(line);
            if (line.contains("Buffers") && m.find()) {
                return (m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                        + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
            }
        }
        return 0;
    }

    private List<String> plan(long from) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain =
                        connection.prepareStatement("explain (analyze, buffers, costs off) select * from outbox_message"
                                + " where position >= ? order by position limit 200")) {
            explain.setLong(1, from);
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
        }
        return lines;
    }

    private String tableSize() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement size = connection.createStatement();
                ResultSet result =
                        size.executeQuery("select pg_size_pretty(pg_total_relation_size('outbox_message'))")) {
            result.next();
            return result.getString(1) + " with indexes";
        }
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement count = connection.createStatement();
                ResultSet result = count.executeQuery("select count(*) from outbox_message")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
