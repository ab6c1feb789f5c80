package io.depotops.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The outbox table's insert, shared by the transactional and the batching outbox. */
final class OutboxRows {

    static final String INSERT = """
      insert into outbox_message
        (message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body,
         traceparent)
      values (?, ?, ?, ?, ?, ?, ?, ?)
      """;

    private OutboxRows() {}

    static void bind(PreparedStatement insert, OutboxMessage message, String traceparent) throws SQLException {
        insert.setString(1, message.messageId());
        insert.setString(2, message.aggregateType());
        insert.setString(3, message.aggregateId());
        insert.setString(4, message.exchange());
        insert.setString(5, message.routingKey());
        insert.setString(6, message.contentType());
        insert.setBytes(7, message.body());
        insert.setString(8, traceparent);
    }
}
