package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.DeliveryRepository;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.DeliveryAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Deliveries in {@code notification_delivery}, attempts in {@code notification_attempt}; plain JDBC. */
@ApplicationScoped
class JdbcDeliveryRepository implements DeliveryRepository {

    private static final String COLUMNS = "id, workspace_id, channel_id, incident_id, kind, status, attempts,"
            + " next_attempt_at, created_at, sent_at, last_error";

    private final AgroalDataSource dataSource;

    JdbcDeliveryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(Delivery d) {
        String sql = "insert into notification_delivery (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, d.id());
            insert.setObject(2, d.workspaceId());
            insert.setObject(3, d.channelId());
            insert.setObject(4, d.incidentId());
            insert.setString(5, d.kind().name());
            insert.setString(6, d.status().name());
            insert.setInt(7, d.attempts());
            Sql.instant(insert, 8, d.nextAttemptAt());
            Sql.instant(insert, 9, d.createdAt());
            Sql.instant(insert, 10, d.sentAt());
            insert.setString(11, d.lastError());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("store a delivery", e);
        }
    }

    @Override
    public List<Delivery> claimDue(Instant now, Duration lease, int limit) {
        String sql = "update notification_delivery set attempts = attempts + 1, next_attempt_at = ?"
                + " where id in (select id from notification_delivery where status in ('PENDING', 'RETRYING')"
                + " and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked)"
                + " returning " + COLUMNS;
        return query(sql, Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    @Override
    public void update(Delivery d) {
        String sql = "update notification_delivery set status = ?, attempts = ?, next_attempt_at = ?, sent_at = ?,"
                + " last_error = ? where id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, d.status().name());
            update.setInt(2, d.attempts());
            Sql.instant(update, 3, d.nextAttemptAt());
            Sql.instant(update, 4, d.sentAt());
            update.setString(5, d.lastError() == null ? null : truncate(d.lastError()));
            update.setObject(6, d.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("update a delivery", e);
        }
    }

    @Override
    public void recordAttempt(DeliveryAttempt a) {
        String sql = "insert into notification_attempt (delivery_id, attempt, at, succeeded, detail)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, a.deliveryId());
            insert.setInt(2, a.attempt());
            Sql.instant(insert, 3, a.at());
            insert.setBoolean(4, a.succeeded());
            insert.setString(5, a.detail() == null ? null : truncate(a.detail()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("record an attempt", e);
        }
    }

    @Override
    public int enqueueRepeats(Instant now) {
        // The newest delivery of each (open incident, channel with a repeat interval) pair; a new
        // REPEAT when it is older than the interval. Suppressed ones count: the sender decides again.
        String sql = "insert into notification_delivery (id, workspace_id, channel_id, incident_id, kind, status,"
                + " attempts, next_attempt_at, created_at)"
                + " select gen_random_uuid(), last.workspace_id, last.channel_id, last.incident_id, 'REPEAT',"
                + " 'PENDING', 0, ?, ? from (select distinct on (d.incident_id, d.channel_id) d.workspace_id,"
                + " d.incident_id, d.channel_id, d.created_at, c.repeat_interval_seconds"
                + " from notification_delivery d join incident i on i.id = d.incident_id"
                + " join notification_channel c on c.id = d.channel_id"
                + " where i.status = 'OPEN' and c.repeat_interval_seconds is not null"
                + " order by d.incident_id, d.channel_id, d.created_at desc) last"
                + " where last.created_at <= ?::timestamptz - make_interval(secs => last.repeat_interval_seconds)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            Timestamp at = Timestamp.from(now);
            insert.setTimestamp(1, at);
            insert.setTimestamp(2, at);
            insert.setTimestamp(3, at);
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("enqueue repeats", e);
        }
    }

    @Override
    public List<Delivery> list(UUID workspaceId, UUID incidentId, UUID channelId, Delivery.Status status, int limit) {
        String sql = "select " + COLUMNS + " from notification_delivery where workspace_id = ?"
                + " and (?::uuid is null or incident_id = ?::uuid) and (?::uuid is null or channel_id = ?::uuid)"
                + " and (?::text is null or status = ?::text) order by created_at desc, id limit ?";
        String statusName = status == null ? null : status.name();
        return query(sql, workspaceId, incidentId, incidentId, channelId, channelId, statusName, statusName, limit);
    }

    @Override
    public List<DeliveryAttempt> attempts(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        String sql = "select delivery_id, attempt, at, succeeded, detail from notification_attempt"
                + " where delivery_id = any(?) order by delivery_id, attempt";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("uuid", deliveryIds.toArray()));
            List<DeliveryAttempt> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new DeliveryAttempt(
                            row.getObject("delivery_id", UUID.class),
                            row.getInt("attempt"),
                            Sql.instant(row, "at"),
                            row.getBoolean("succeeded"),
                            row.getString("detail")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failed("read attempts", e);
        }
    }

    private List<Delivery> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Delivery> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Delivery(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getObject("channel_id", UUID.class),
                            row.getObject("incident_id", UUID.class),
                            Delivery.Kind.valueOf(row.getString("kind")),
                            Delivery.Status.valueOf(row.getString("status")),
                            row.getInt("attempts"),
                            Sql.instant(row, "next_attempt_at"),
                            Sql.instant(row, "created_at"),
                            Sql.instant(row, "sent_at"),
                            row.getString("last_error")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failed("read deliveries", e);
        }
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
