package io.depotops.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages with publisher confirms and deletes them in the transaction
 * that records the confirm: the table holds only what is pending (ADR 0011).
 *
 * <p>One relay drains an outbox table at a time (a PostgreSQL advisory lock per schema, held for
 * the pass's transaction), and it takes messages in append order, so messages of one aggregate
 * reach the broker in order even with several instances. A pass publishes its batch and waits once
 * for the broker's confirms; while behind, each full pass doubles the batch up to {@code
 * max-batch-size}. A message the broker does not take is retried with exponential backoff, and
 * later messages of its aggregate wait for it; other aggregates go on. Delivery is at least once:
 * a crash or a lost link between the broker's confirm and the commit publishes the pass's batch
 * again, and consumers deduplicate by message id (see {@link Inbox}).
 *
 * <p><b>The scan floor.</b> A deleted row leaves a dead index entry until vacuum removes it; a scan
 * from the start of the table would walk all of them. The relay therefore scans from a floor, a
 * position below which nothing is or can become pending. Writers take their transaction id before
 * their position (the column default, migration 0.2), so a row committed later with a position
 * below what a scan saw belongs to a transaction that was running at that scan. A candidate floor
 * from one scan is adopted only at a later scan whose snapshot shows every transaction of the
 * earlier one finished, bounded by what that later scan still found pending. Every {@code
 * full-scan-interval}, and whenever the relay takes over the lock, it scans from the start.
 *
 * <p>Lag and pending count come from the relay's own scans ({@code depotops.outbox.lag},
 * {@code depotops.outbox.pending}, and the readiness check's details); an instance that does not
 * hold the lock reports NaN.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String TRY_LOCK =
            "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_message'))";
    /**
     * One statement, so that the snapshot's bounds are those of the snapshot the rows were read
     * with; at least one row even when nothing is pending.
     */
    private static final String SCAN = """
      select s.snapshot_xmin, s.snapshot_xmax,
             m.position, m.message_id, m.aggregate_type, m.aggregate_id, m.exchange, m.routing_key,
             m.content_type, m.body, m.traceparent, m.next_attempt_at <= now() as due,
             extract(epoch from clock_timestamp() - m.created_at) as age_seconds
      from (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as snapshot_xmin,
                   pg_snapshot_xmax(pg_current_snapshot())::text::bigint as snapshot_xmax) s
      left join lateral (
          select * from outbox_message where position >= ? order by position limit ?
      ) m on true
      order by m.position
      """;

    private static final String DELETE_PUBLISHED = "delete from outbox_message where position = any(?)";
    private static final String MARK_FAILED = """
      update outbox_message
      set attempts = attempts + 1,
          last_error = ?,
          next_attempt_at = clock_timestamp()
              + least(?::float8 * power(2, least(attempts, 30)), ?::float8) * interval '1 millisecond'
      where position = any(?)
      """;
    private static final String COUNT_PENDING = "select count(*) from outbox_message where position >= ?";
    private static final String VACUUM = "vacuum (skip_locked) outbox_message";

    private final AgroalDataSource dataSource;
    private final ConfirmingPublisher publisher;
    private final RabbitMqConnection broker;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failed;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong deletedSinceVacuum = new AtomicLong();
    private final AtomicBoolean vacuuming = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Observation observation = Observation.NOT_RELAYING;

    // State of the relay thread (drainOnce is not called concurrently).
    private boolean holdingLock;
    private volatile long floor;
    private Candidate candidate;
    private long lastFullScan;
    private int limit;
    private long lastCount = -1;
    private long lastCountAt;
    private boolean brokerWasDown;
    private boolean retryWhenBrokerBack;
    private long lastVacuumAt = System.nanoTime();
    private volatile boolean vacuumRefused;

    OutboxRelay(
            AgroalDataSource dataSource,
            ConfirmingPublisher publisher,
            RabbitMqConnection broker,
            OutboxSettings settings,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        // A channel of its own: a batch's confirms neither wait for nor delay the service's other publishes.
        this.publisher = publisher.withOwnChannel();
        this.broker = broker;
        this.settings = settings;
        this.limit = settings.batchSize();
        this.published = meters.counter("depotops.outbox.published");
        this.failed = meters.counter("depotops.outbox.publish.failures");
        Gauge.builder("depotops.outbox.lag", this, OutboxRelay::lagSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest message not yet published (NaN where this instance does not relay)")
                .register(meters);
        Gauge.builder("depotops.outbox.pending", this, OutboxRelay::pendingMessages)
                .description("Messages not yet published (NaN where this instance does not relay)")
                .register(meters);
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

    /** Age in seconds of the oldest pending message as of now; 0 when none; NaN when not relaying. */
    public double lagSeconds() {
        Observation current = observation;
        if (!current.relaying()) {
            return Double.NaN;
        }
        if (current.pending() == 0) {
            return 0;
        }
        return current.oldestAgeSeconds() + (System.nanoTime() - current.observedAt()) / 1e9;
    }

    /** Messages not yet published, as of the relay's last pass; NaN when not relaying. */
    public double pendingMessages() {
        Observation current = observation;
        return current.relaying() ? current.pending() : Double.NaN;
    }

    /** For the readiness check: what the relay last saw. */
    Observation observation() {
        return observation;
    }

    boolean enabled() {
        return settings.relayEnabled();
    }

    /** The position the relay scans from (for tests). */
    long floor() {
        return floor;
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                Pass pass;
                do {
                    pass = drainOnce();
                } while (running && pass.moreWaiting());
                vacuumIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException | AssertionError e) {
                // AssertionError: see BatchingOutbox; the relay must outlive a lost connection.
                LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
                observation = observation.failed(e.getMessage());
            }
        }
    }

    /** What one pass did; {@code moreWaiting} when it published a full batch (more may be due at once). */
    record Pass(int scanned, int published, boolean moreWaiting) {
        static final Pass NOT_HOLDING = new Pass(0, 0, false);
    }

    /** Publishes what is due in one batch; nothing when another instance holds the outbox. */
    Pass drainOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    holdingLock = false;
                    observation = Observation.NOT_RELAYING;
                    return Pass.NOT_HOLDING;
                }
                long now = System.nanoTime();
                if (!holdingLock
                        || now - lastFullScan >= settings.fullScanInterval().toNanos()) {
                    // Taken over (or due): from the start; the floor is rebuilt from here.
                    holdingLock = true;
                    floor = 0;
                    candidate = null;
                    lastFullScan = now;
                }
                int asked = limit;
                Scan scan = scan(connection, floor, asked);
                List<PendingMessage> remaining = publishDue(connection, scan.rows());
                int publishedNow = scan.rows().size() - remaining.size();
                long pending = countIfNeeded(connection, scan, remaining);
                connection.commit();

                if (publishedNow > 0) {
                    published.increment(publishedNow);
                    deletedSinceVacuum.addAndGet(publishedNow);
                }
                advanceFloor(scan, remaining);
                observe(scan, remaining, pending);
                boolean behind = scan.full() && publishedNow > 0;
                limit = behind ? Math.min(asked * 2, settings.maxBatchSize()) : settings.batchSize();
                return new Pass(scan.rows().size(), publishedNow, behind);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record Scan(long snapshotXmin, long snapshotXmax, List<PendingMessage> rows, boolean full) {

        long maxSeen() {
            return rows.getLast().position();
        }
    }

    private Scan scan(Connection connection, long from, int max) throws SQLException {
        List<PendingMessage> rows = new ArrayList<>();
        long xmin = 0;
        long xmax = 0;
        try (PreparedStatement select = connection.prepareStatement(SCAN)) {
            select.setLong(1, from);
            select.setInt(2, max);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    xmin = result.getLong("snapshot_xmin");
                    xmax = result.getLong("snapshot_xmax");
                    long position = result.getLong("position");
                    if (result.wasNull()) {
                        continue;
                    }
                    rows.add(new PendingMessage(
                            position,
                            result.getString("message_id"),
                            result.getString("aggregate_type"),
                            result.getString("aggregate_id"),
                            result.getString("exchange"),
                            result.getString("routing_key"),
                            result.getString("content_type"),
                            result.getBytes("body"),
                            result.getString("traceparent"),
                            result.getBoolean("due"),
                            result.getDouble("age_seconds")));
                }
            }
        }
        return new Scan(xmin, xmax, rows, rows.size() == max);
    }

    /**
     * Publishes the due messages with one wait for the broker's confirms and deletes them; returns
     * the messages left pending. A message whose aggregate has an earlier message waiting (backoff)
     * waits too, so the order within an aggregate holds.
     */
    private List<PendingMessage> publishDue(Connection connection, List<PendingMessage> rows) throws SQLException {
        // The broker came back after an outage: what waits for its backoff is tried now (once; should
        // it fail again, backoff goes on).
        boolean ignoreBackoff = retryWhenBrokerBack && broker.isOpen();
        if (ignoreBackoff) {
            retryWhenBrokerBack = false;
        }
        Set<AggregateKey> waiting = new HashSet<>();
        List<PendingMessage> due = new ArrayList<>(rows.size());
        List<PendingMessage> remaining = new ArrayList<>();
        for (PendingMessage message : rows) {
            AggregateKey aggregate = new AggregateKey(message.aggregateType(), message.aggregateId());
            if (waiting.contains(aggregate) || !(message.due() || ignoreBackoff)) {
                waiting.add(aggregate);
                remaining.add(message);
            } else {
                due.add(message);
            }
        }
        if (due.isEmpty()) {
            return remaining;
        }
        try {
            publisher.publishAll(due.stream().map(PendingMessage::toOutgoing).toList());
        } catch (BrokerUnavailableException e) {
            markFailed(connection, due, e.getMessage());
            failed.increment(due.size());
            if (!brokerWasDown) {
                LOG.warnf("outbox relay cannot publish, messages wait in the outbox: %s", e.getMessage());
            }
            brokerWasDown = true;
            retryWhenBrokerBack |= !broker.isOpen();
            return rows;
        }
        deletePublished(connection, due);
        if (brokerWasDown) {
            brokerWasDown = false;
            LOG.info("outbox relay publishing again");
        }
        return remaining;
    }

    private static void deletePublished(Connection connection, List<PendingMessage> messages) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_PUBLISHED)) {
            delete.setArray(1, positions(connection, messages));
            delete.executeUpdate();
        }
    }

    private void markFailed(Connection connection, List<PendingMessage> messages, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setString(1, error);
            update.setDouble(2, settings.initialBackoff().toMillis());
            update.setDouble(3, settings.maxBackoff().toMillis());
            update.setArray(4, positions(connection, messages));
            update.executeUpdate();
        }
    }

    private static java.sql.Array positions(Connection connection, List<PendingMessage> messages) throws SQLException {
        return connection.createArrayOf(
                "bigint", messages.stream().map(PendingMessage::position).toArray());
    }

    /**
     * The pending count: known from the scan when it found fewer rows than it asked for; counted
     * (at most every {@code count-interval}) while the relay is behind.
     */
    private long countIfNeeded(Connection connection, Scan scan, List<PendingMessage> remaining) throws SQLException {
        if (!scan.full()) {
            lastCount = remaining.size();
            lastCountAt = System.nanoTime();
            return lastCount;
        }
        long now = System.nanoTime();
        if (lastCount < 0 || now - lastCountAt >= settings.countInterval().toNanos()) {
            try (PreparedStatement count = connection.prepareStatement(COUNT_PENDING)) {
                count.setLong(1, floor);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    lastCount = result.getLong(1);
                }
            }
            lastCountAt = now;
            return lastCount;
        }
        int publishedNow = scan.rows().size() - remaining.size();
        lastCount = Math.max(remaining.size(), lastCount - publishedNow);
        return lastCount;
    }

    /**
     * Moves the floor up (see the class comment). {@code bound}: nothing visible to this scan is
     * pending below it. {@code proposed}: the floor this scan would allow once the transactions
     * running at its snapshot have finished.
     */
    private void advanceFloor(Scan scan, List<PendingMessage> remaining) {
        long bound;
        Long proposed;
        if (!remaining.isEmpty()) {
            bound = remaining.getFirst().position();
            proposed = bound;
        } else if (!scan.rows().isEmpty()) {
            bound = scan.full() ? scan.maxSeen() + 1 : Long.MAX_VALUE;
            proposed = scan.maxSeen() + 1;
        } else {
            bound = Long.MAX_VALUE;
            proposed = null;
        }
        if (candidate != null && scan.snapshotXmin() >= candidate.snapshotXmax()) {
            floor = Math.max(floor, Math.min(candidate.position(), bound));
            candidate = null;
        }
        if (candidate == null && proposed != null && proposed > floor) {
            candidate = new Candidate(proposed, scan.snapshotXmax());
        }
    }

    private record Candidate(long position, long snapshotXmax) {}

    private void observe(Scan scan, List<PendingMessage> remaining, long pending) {
        double oldest;
        if (!remaining.isEmpty()) {
            oldest = remaining.stream()
                    .mapToDouble(PendingMessage::ageSeconds)
                    .max()
                    .orElse(0);
        } else if (scan.full()) {
            // All published; what follows the batch is at most as old as its last message.
            oldest = scan.rows().getLast().ageSeconds();
        } else {
            oldest = 0;
        }
        observation = new Observation(true, pending, Math.max(oldest, 0), System.nanoTime(), null);
    }

    private void vacuumIfDue() {
        if (settings.vacuumInterval().isZero() || vacuumRefused || deletedSinceVacuum.get() == 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastVacuumAt < settings.vacuumInterval().toNanos() || !vacuuming.compareAndSet(false, true)) {
            return;
        }
        lastVacuumAt = now;
        long deleted = deletedSinceVacuum.getAndSet(0);
        // Beside the relay, not in its way: a vacuum after a large drain takes a while.
        Thread.ofVirtual().name("outbox-vacuum").start(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement vacuum = connection.createStatement()) {
                connection.setAutoCommit(true);
                vacuum.execute(VACUUM);
                for (SQLWarning warning = vacuum.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    if (warning.getMessage() != null && warning.getMessage().contains("skipping")) {
                        vacuumRefused = true;
                        LOG.infof(
                                "the outbox relay may not vacuum outbox_message (%s); autovacuum keeps it small",
                                warning.getMessage());
                    }
                }
                LOG.debugf("vacuumed outbox_message after %d published messages", deleted);
            } catch (SQLException | RuntimeException | AssertionError e) {
                LOG.debugf("vacuuming outbox_message failed: %s", e.getMessage());
            } finally {
                vacuuming.set(false);
            }
        });
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK);
                ResultSet result = lock.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** What the relay saw at its last pass, for the gauges and the readiness check. */
    record Observation(boolean relaying, long pending, double oldestAgeSeconds, long observedAt, String failure) {

        static final Observation NOT_RELAYING = new Observation(false, 0, 0, 0, null);

        Observation failed(String reason) {
            return new Observation(relaying, pending, oldestAgeSeconds, observedAt, reason);
        }
    }

    private record AggregateKey(String type, String id) {}

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
            boolean due,
            double ageSeconds) {

        OutgoingMessage toOutgoing() {
            Map<String, Object> headers = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
            return new OutgoingMessage(exchange, routingKey, messageId, contentType, body, headers);
        }
    }
}
