package io.depotops.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Appends messages that belong to no database transaction of the caller (a charger's frames and
 * meter readings) with group commit: one writer thread takes whatever callers submitted meanwhile
 * and inserts it in one transaction, so thousands of appends per second cost a few commits. The
 * returned future completes when the messages are committed; a caller that must not answer before
 * its fact is durable waits for it. Submissions are committed in the order they were made, so the
 * messages one thread submits keep their order. The queue is bounded: when the database cannot
 * keep up, appends fail at once instead of piling up in memory.
 */
@ApplicationScoped
public class BatchingOutbox {

    private static final Logger LOG = Logger.getLogger(BatchingOutbox.class);

    private record Submission(List<OutboxMessage> messages, String traceparent, CompletableFuture<Void> committed) {}

    private final AgroalDataSource dataSource;
    private final OutboxRelay relay;
    private final OpenTelemetry openTelemetry;
    private final OutboxSettings settings;
    private final BlockingQueue<Submission> queue;
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final Counter refused;
    private final Counter failedCommits;
    private volatile boolean running;
    private volatile Thread writer;

    BatchingOutbox(
            AgroalDataSource dataSource,
            OutboxRelay relay,
            OpenTelemetry openTelemetry,
            OutboxSettings settings,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.openTelemetry = openTelemetry;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>();
        this.refused = meters.counter("depotops.outbox.batching.refused");
        this.failedCommits = meters.counter("depotops.outbox.batching.failed.commits");
        meters.gauge("depotops.outbox.batching.queued", queuedMessages);
    }

    void start(@Observes StartupEvent event) {
        // Set before the thread starts: it may run before the assignment below completes.
        running = true;
        writer = Thread.ofVirtual().name("outbox-batch-writer").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
        }
    }

    /**
     * Submits messages to be committed together, in one transaction, after everything submitted
     * before them. The future fails when they could not be committed (database down or the queue
     * full); then none of them is stored.
     */
    public CompletableFuture<Void> append(List<OutboxMessage> messages) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (messages.isEmpty()) {
            committed.complete(null);
            return committed;
        }
        if (queuedMessages.addAndGet(messages.size()) > settings.batchingQueueCapacity()) {
            queuedMessages.addAndGet(-messages.size());
            refused.increment(messages.size());
            committed.completeExceptionally(new IllegalStateException(
                    "the outbox queue is full (" + settings.batchingQueueCapacity() + " messages)"));
            return committed;
        }
        queue.add(new Submission(List.copyOf(messages), currentTraceparent(), committed));
        return committed;
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        while (running) {
            try {
                Submission first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int messages = first.messages().size();
                Submission next;
                while (messages < settings.batchSize() * 5 && (next = queue.poll()) != null) {
                    batch.add(next);
                    messages += next.messages().size();
                }
                commit(batch, messages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(s -> s.committed().completeExceptionally(e));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Submission> batch, int messages) {
        try {
            insert(batch);
            batch.forEach(s -> s.committed().complete(null));
            relay.wakeUp();
        } catch (SQLException | RuntimeException | AssertionError e) {
            // AssertionError: the PostgreSQL driver throws one when the server went away in the
            // middle of a batch; the writer must outlive it like any other failure.
            failedCommits.increment();
            LOG.warnf("could not commit %d outbox messages: %s", messages, e.getMessage());
            batch.forEach(s -> s.committed().completeExceptionally(e));
        } finally {
            queuedMessages.addAndGet(-messages);
        }
    }

    private void insert(List<Submission> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(OutboxRows.INSERT)) {
                for (Submission submission : batch) {
                    for (OutboxMessage message : submission.messages()) {
                        OutboxRows.bind(insert, message, submission.traceparent());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException | AssertionError e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    private String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
