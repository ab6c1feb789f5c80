package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.NotificationChannelRepository;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationChannel.ChannelType;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Channels in table {@code notification_channel}, plain JDBC. */
@ApplicationScoped
class JdbcNotificationChannelRepository implements NotificationChannelRepository {

    private static final String COLUMNS = "id, workspace_id, name, type, webhook_url, webhook_secret,"
            + " email_to::text as email_to, matchers::text as matchers, min_severity, repeat_interval_seconds,"
            + " max_attempts, created_at";

    private final AgroalDataSource dataSource;

    JdbcNotificationChannelRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean insert(NotificationChannel c) {
        String sql = "insert into notification_channel (id, workspace_id, name, type, webhook_url, webhook_secret,"
                + " email_to, matchers, min_severity, repeat_interval_seconds, max_attempts, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) on conflict (workspace_id, name) do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, c.id());
            insert.setObject(2, c.workspaceId());
            insert.setString(3, c.name());
            insert.setString(4, c.type().name());
            insert.setString(5, c.webhookUrl() == null ? null : c.webhookUrl().toString());
            insert.setString(6, c.webhookSecret());
            insert.setString(7, Json.write(c.emailTo()));
            insert.setString(8, Json.matchers(c.matchers()));
            insert.setString(9, c.minSeverity().name());
            if (c.repeatInterval() == null) {
                insert.setNull(10, Types.BIGINT);
            } else {
                insert.setLong(10, c.repeatInterval().toSeconds());
            }
            insert.setInt(11, c.maxAttempts());
            Sql.instant(insert, 12, c.createdAt());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("store a channel", e);
        }
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from notification_channel where workspace_id = ? and id = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete a channel", e);
        }
    }

    @Override
    public Optional<NotificationChannel> find(UUID workspaceId, UUID id) {
        return query(
                        "select " + COLUMNS + " from notification_channel where workspace_id = ? and id = ?",
                        workspaceId,
                        id)
                .stream()
                .findFirst();
    }

    @Override
    public List<NotificationChannel> list(UUID workspaceId) {
        return query(
                "select " + COLUMNS + " from notification_channel where workspace_id = ? order by name", workspaceId);
    }

    private List<NotificationChannel> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<NotificationChannel> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long repeat = row.getLong("repeat_interval_seconds");
                    Duration repeatInterval = row.wasNull() ? null : Duration.ofSeconds(repeat);
                    String url = row.getString("webhook_url");
                    found.add(new NotificationChannel(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getString("name"),
                            ChannelType.valueOf(row.getString("type")),
                            url == null ? null : URI.create(url),
                            row.getString("webhook_secret"),
                            Json.list(row.getString("email_to")),
                            Json.matchers(row.getString("matchers")),
                            Severity.valueOf(row.getString("min_severity")),
                            repeatInterval,
                            row.getInt("max_attempts"),
                            Sql.instant(row, "created_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failed("read channels", e);
        }
    }
}
