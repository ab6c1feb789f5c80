package io.depotops.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which messages a consumer has processed. Call it in the transaction that applies the
 * message: a redelivered message (broker redelivery, or a relay retry after a lost confirm) is
 * then recognised and skipped, and effects happen once per message id.
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT =
            "insert into inbox_message (consumer, message_id) values (?, ?) on conflict do nothing";

    private static final String INSERT_ALL = "insert into inbox_message (consumer, message_id)"
            + " select ?, id from unnest(?::text[]) as ids(id) on conflict do nothing returning message_id";

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time {@code consumer} sees {@code messageId}; requires a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setString(2, messageId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record message " + messageId, e);
        }
    }

    /**
     * The ids of {@code messageIds} that {@code consumer} sees for the first time, recorded with one
     * statement (a batch's inbox check); requires a transaction. An id given twice counts once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", messageIds.toArray()));
            Set<String> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + messageIds.size() + " messages", e);
        }
    }
}
