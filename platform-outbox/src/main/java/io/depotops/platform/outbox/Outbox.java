package io.depotops.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends messages to the outbox table inside the caller's transaction: they are published if and
 * only if that transaction commits. Append after changing the aggregate, so that the aggregate's
 * row lock orders the messages of one aggregate.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OpenTelemetry openTelemetry;

    Outbox(
            AgroalDataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            OpenTelemetry openTelemetry) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.openTelemetry = openTelemetry;
    }

    /** Appends a message; requires a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        appendAll(List.of(message));
    }

    /**
     * Appends messages in their order with one round trip to the database (a JDBC batch); requires
     * a transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String traceparent = currentTraceparent();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(OutboxRows.INSERT)) {
            for (OutboxMessage message : messages) {
                OutboxRows.bind(insert, message, traceparent);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
