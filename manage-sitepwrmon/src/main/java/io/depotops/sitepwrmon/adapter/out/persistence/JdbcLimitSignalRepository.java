package io.depotops.sitepwrmon.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.sitepwrmon.application.port.LimitSignalRepository;
import io.depotops.sitepwrmon.domain.limit.LimitSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Limit signals in table {@code limit_signal}. */
@ApplicationScoped
class JdbcLimitSignalRepository implements LimitSignalRepository {

    private final AgroalDataSource dataSource;

    JdbcLimitSignalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(LimitSignal signal) {
        String sql = "insert into limit_signal (id, workspace_id, node_id, cap_kw, starts_at, ends_at, source, reason,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, signal.id());
            insert.setObject(2, signal.workspaceId());
            insert.setObject(3, signal.nodeId());
            insert.setDouble(4, signal.capKw());
            Sql.instant(insert, 5, signal.startsAt());
            Sql.instant(insert, 6, signal.endsAt());
            insert.setString(7, signal.source());
            insert.setString(8, signal.reason());
            Sql.instant(insert, 9, signal.createdAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("store a limit signal", e);
        }
    }

    @Override
    public Optional<LimitSignal> find(UUID workspaceId, UUID id) {
        return query("select * from limit_signal where workspace_id = ? and id = ?", workspaceId, id).stream()
                .findFirst();
    }

    @Override
    public List<LimitSignal> list(UUID workspaceId, UUID nodeId, Instant after) {
        return query(
                "select * from limit_signal where workspace_id = ? and node_id = ? and ends_at > ? order by starts_at",
                workspaceId,
                nodeId,
                java.sql.Timestamp.from(after));
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from limit_signal where workspace_id = ? and id = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete a limit signal", e);
        }
    }

    @Override
    public Map<UUID, LimitSignal> lowestActive(Collection<UUID> nodeIds, Instant at) {
        if (nodeIds.isEmpty()) {
            return Map.of();
        }
        String sql = "select distinct on (node_id) * from limit_signal where node_id = any(?)"
                + " and starts_at <= ? and ends_at > ? order by node_id, cap_kw";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("uuid", nodeIds.toArray()));
            Sql.instant(select, 2, at);
            Sql.instant(select, 3, at);
            Map<UUID, LimitSignal> lowest = new HashMap<>();
            for (LimitSignal signal : read(select)) {
                lowest.put(signal.nodeId(), signal);
            }
            return lowest;
        } catch (SQLException e) {
            throw Sql.failed("read active limit signals", e);
        }
    }

    private List<LimitSignal> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            return read(select);
        } catch (SQLException e) {
            throw Sql.failed("read limit signals", e);
        }
    }

    private static List<LimitSignal> read(PreparedStatement select) throws SQLException {
        List<LimitSignal> signals = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                signals.add(new LimitSignal(
                        row.getObject("id", UUID.class),
                        row.getObject("workspace_id", UUID.class),
                        row.getObject("node_id", UUID.class),
                        row.getDouble("cap_kw"),
                        Sql.instant(row, "starts_at"),
                        Sql.instant(row, "ends_at"),
                        row.getString("source"),
                        row.getString("reason"),
                        Sql.instant(row, "created_at")));
            }
        }
        return signals;
    }
}
