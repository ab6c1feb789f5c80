package io.depotops.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages with publisher confirms.
 *
 * <p>One relay drains an outbox table at a time (a PostgreSQL advisory lock per schema, held for
 * the batch's transaction), and it takes messages in append order, so messages of one aggregate
 * reach the broker in order even with several instances. A message the broker does not take is
 * retried with exponential backoff, and later messages of its aggregate wait for it; other
 * aggregates go on. Delivery is at least once: a crash between the broker's confirm and the commit
 * publishes again, and consumers deduplicate by message id (see {@link Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String TRY_LOCK =
            "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_message'))";
    private static final String SELECT_PENDING = """
      select position, message_id, aggregate_type, aggregate_id, exchange, routing_key,
             content_type, body, traceparent, attempts, next_attempt_at
      from outbox_message
      where published_at is null
      order by position
      limit ?
      """;
    private static final String MARK_PUBLISHED =
            "update outbox_message set published_at = now(), attempts = attempts + 1, last_error = null"
                    + " where position = any(?)";
    private static final String MARK_FAILED =
            "update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                    + " where position = ?";
    private static final String PRUNE =
            "delete from outbox_message where published_at is not null and published_at < ?";

    private final AgroalDataSource dataSource;
    private final ConfirmingPublisher publisher;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failed;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile boolean brokerWasDown;
    private Instant nextPrune = Instant.EPOCH;

    OutboxRelay(
            AgroalDataSource dataSource, ConfirmingPublisher publisher, OutboxSettings settings, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.settings = settings;
        this.published = meters.counter("depotops.outbox.published");
        this.failed = meters.counter("depotops.outbox.publish.failures");
    }

    void start(@Observes StartupEvent event) {
        if (settings.relayEnabled()) {
            // Set before the thread starts: it may run before the assignment below completes.
            running = true;
            worker = Thread.ofVirtual().name("outbox-relay").start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Asks the relay to drain now, e.g. after a commit that appended messages. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (drainOnce() == settings.batchSize()) {
                    // a full batch: more may be waiting
                }
                pruneIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException | AssertionError e) {
                // AssertionError: see BatchingOutbox; the relay must outlive a lost connection.
                LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
            }
        }
    }

    /**
     * Publishes what is due in one batch and returns how many messages it looked at; 0 when another
     * instance holds the outbox.
     */
    int drainOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<PendingMessage> batch = loadPending(connection);
                publishInOrder(connection, batch);
                connection.commit();
                return batch.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Publishes the batch with one wait for the broker's confirms. A message whose aggregate has an
     * earlier message waiting (backoff) waits too, so the order within an aggregate holds.
     */
    private void publishInOrder(Connection connection, List<PendingMessage> batch) throws SQLException {
        Set<String> waiting = new HashSet<>();
        Instant now = Instant.now();
        List<PendingMessage> due = new ArrayList<>(batch.size());
        for (PendingMessage message : batch) {
            String aggregate = message.aggregateType() + "/" + message.aggregateId();
            if (waiting.contains(aggregate)) {
                continue;
            }
            if (message.nextAttemptAt().isAfter(now)) {
                waiting.add(aggregate);
                continue;
            }
            due.add(message);
        }
        try {
            publisher.publishAll(due.stream().map(PendingMessage::toOutgoing).toList());
            markPublished(connection, due);
            published.increment(due.size());
            if (brokerWasDown && !due.isEmpty()) {
                brokerWasDown = false;
                LOG.info("outbox relay publishing again");
            }
        } catch (BrokerUnavailableException e) {
            for (PendingMessage message : due) {
                markFailed(connection, message, e.getMessage());
            }
            failed.increment(due.size());
            if (!brokerWasDown) {
                brokerWasDown = true;
                LOG.warnf("outbox relay cannot publish, messages wait in the outbox: %s", e.getMessage());
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK);
                ResultSet result = lock.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private List<PendingMessage> loadPending(Connection connection) throws SQLException {
        List<PendingMessage> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new PendingMessage(
                            rows.getLong("position"),
                            rows.getString("message_id"),
                            rows.getString("aggregate_type"),
                            rows.getString("aggregate_id"),
                            rows.getString("exchange"),
                            rows.getString("routing_key"),
                            rows.getString("content_type"),
                            rows.getBytes("body"),
                            rows.getString("traceparent"),
                            rows.getInt("attempts"),
                            rows.getTimestamp("next_attempt_at").toInstant()));
                }
            }
        }
        return batch;
    }

    private static void markPublished(Connection connection, List<PendingMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint",
                            messages.stream().map(PendingMessage::position).toArray()));
            update.executeUpdate();
        }
    }

    private void markFailed(Connection connection, PendingMessage message, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setString(1, error);
            update.setTimestamp(2, Timestamp.from(Instant.now().plus(backoff(message.attempts()))));
            update.setLong(3, message.position());
            update.executeUpdate();
        }
    }

    /** Exponential backoff: initial, doubled per earlier attempt, capped. */
    Duration backoff(int earlierAttempts) {
        Duration delay = settings.initialBackoff();
        for (int i = 0; i < earlierAttempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private void pruneIfDue() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(Duration.ofMinutes(10));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(PRUNE)) {
            delete.setTimestamp(1, Timestamp.from(now.minus(settings.retention())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("pruned %d published outbox messages", deleted);
            }
        }
    }

    private record PendingMessage(
            long position,
            String messageId,
            String aggregateType,
            String aggregateId,
            String exchange,
            String routingKey,
            String contentType,
            byte[] body,
            String traceparent,
            int attempts,
            Instant nextAttemptAt) {

        OutgoingMessage toOutgoing() {
            Map<String, Object> headers = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
            return new OutgoingMessage(exchange, routingKey, messageId, contentType, body, headers);
        }
    }
}
