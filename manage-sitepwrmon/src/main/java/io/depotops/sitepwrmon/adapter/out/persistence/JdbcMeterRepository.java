package io.depotops.sitepwrmon.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.sitepwrmon.application.port.MeterRepository;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import io.depotops.sitepwrmon.domain.meter.ModbusEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meters in table {@code meter}, plain JDBC in the caller's transaction. */
@ApplicationScoped
class JdbcMeterRepository implements MeterRepository {

    private final AgroalDataSource dataSource;

    JdbcMeterRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Meter> find(UUID workspaceId, String meterId) {
        return query("select * from meter where workspace_id = ? and meter_id = ?", workspaceId, meterId).stream()
                .findFirst();
    }

    @Override
    public List<Meter> findAll(UUID workspaceId, Collection<String> meterIds) {
        if (meterIds.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select * from meter where workspace_id = ? and meter_id = any(?)")) {
            select.setObject(1, workspaceId);
            select.setArray(2, connection.createArrayOf("text", meterIds.toArray()));
            return read(select);
        } catch (SQLException e) {
            throw Sql.failed("read meters", e);
        }
    }

    @Override
    public Page<Meter> list(UUID workspaceId, String cursor, int limit) {
        String after = cursor == null ? null : Cursors.decode(cursor);
        List<Meter> rows = query(
                "select * from meter where workspace_id = ? and (?::text is null or meter_id > ?) order by meter_id"
                        + " limit ?",
                workspaceId,
                after,
                after,
                limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Meter> page = rows.subList(0, limit);
        return new Page<>(page, Cursors.encode(page.getLast().meterId()));
    }

    @Override
    public List<Meter> byProtocol(MeterProtocol protocol) {
        return query("select * from meter where protocol = ?", protocol.name());
    }

    @Override
    public void insert(Meter meter) {
        String sql = "insert into meter (workspace_id, meter_id, node_id, protocol, modbus_host, modbus_port,"
                + " modbus_unit_id, modbus_register_map, silent_after_seconds, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, meter.workspaceId());
            insert.setString(2, meter.meterId());
            bindBody(insert, 3, meter);
            Sql.instant(insert, 10, meter.createdAt());
            Sql.instant(insert, 11, meter.updatedAt());
            insert.setLong(12, meter.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw refused("store a meter", e);
        }
    }

    @Override
    public boolean update(Meter meter, long expectedVersion) {
        String sql = "update meter set node_id = ?, protocol = ?, modbus_host = ?, modbus_port = ?,"
                + " modbus_unit_id = ?, modbus_register_map = ?, silent_after_seconds = ?, updated_at = ?,"
                + " version = ? where workspace_id = ? and meter_id = ? and version = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bindBody(update, 1, meter);
            Sql.instant(update, 8, meter.updatedAt());
            update.setLong(9, meter.version());
            update.setObject(10, meter.workspaceId());
            update.setString(11, meter.meterId());
            update.setLong(12, expectedVersion);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw refused("update a meter", e);
        }
    }

    @Override
    public boolean delete(UUID workspaceId, String meterId, long expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from meter where workspace_id = ? and meter_id = ? and version = ?")) {
            delete.setObject(1, workspaceId);
            delete.setString(2, meterId);
            delete.setLong(3, expectedVersion);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete a meter", e);
        }
    }

    @Override
    public void seen(UUID workspaceId, Collection<String> meterIds, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update meter set last_seen_at = ?, silent_since = null where workspace_id = ?"
                                + " and meter_id = any(?) and (last_seen_at is null or last_seen_at < ?"
                                + " or silent_since is not null)")) {
            Sql.instant(update, 1, at);
            update.setObject(2, workspaceId);
            update.setArray(3, connection.createArrayOf("text", meterIds.toArray()));
            Sql.instant(update, 4, at);
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("mark meters seen", e);
        }
    }

    @Override
    public List<Meter> markSilent(Instant now) {
        String sql = "update meter set silent_since = ? where silent_since is null"
                + " and coalesce(last_seen_at, created_at) < ?::timestamptz - silent_after_seconds * interval '1 second'"
                + " returning *";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            Sql.instant(update, 1, now);
            Sql.instant(update, 2, now);
            return read(update);
        } catch (SQLException e) {
            throw Sql.failed("mark silent meters", e);
        }
    }

    @Override
    public void fault(UUID workspaceId, String meterId, String fault, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update meter set fault = ?, fault_at = ? where workspace_id = ? and meter_id = ?")) {
            update.setString(1, fault);
            Sql.instant(update, 2, fault == null ? null : at);
            update.setObject(3, workspaceId);
            update.setString(4, meterId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("record a meter fault", e);
        }
    }

    /** node_id .. silent_after_seconds: 7 parameters from {@code first}. */
    private static void bindBody(PreparedStatement statement, int first, Meter meter) throws SQLException {
        statement.setObject(first, meter.nodeId());
        statement.setString(first + 1, meter.protocol().name());
        ModbusEndpoint modbus = meter.modbus();
        statement.setString(first + 2, modbus == null ? null : modbus.host());
        if (modbus == null) {
            statement.setNull(first + 3, Types.INTEGER);
            statement.setNull(first + 4, Types.INTEGER);
        } else {
            statement.setInt(first + 3, modbus.port());
            statement.setInt(first + 4, modbus.unitId());
        }
        statement.setString(first + 5, modbus == null ? null : modbus.registerMap());
        statement.setInt(first + 6, meter.silentAfterSeconds());
    }

    private static RuntimeException refused(String what, SQLException e) {
        if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new DuplicateException(e.getMessage().contains("node_id") ? "nodeId" : "meterId");
        }
        return Sql.failed(what, e);
    }

    private List<Meter> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    select.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    select.setObject(i + 1, parameters[i]);
                }
            }
            return read(select);
        } catch (SQLException e) {
            throw Sql.failed("read meters", e);
        }
    }

    private static List<Meter> read(PreparedStatement select) throws SQLException {
        List<Meter> meters = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String host = row.getString("modbus_host");
                meters.add(new Meter(
                        row.getObject("workspace_id", UUID.class),
                        row.getString("meter_id"),
                        row.getObject("node_id", UUID.class),
                        MeterProtocol.valueOf(row.getString("protocol")),
                        host == null
                                ? null
                                : new ModbusEndpoint(
                                        host,
                                        row.getInt("modbus_port"),
                                        row.getInt("modbus_unit_id"),
                                        row.getString("modbus_register_map")),
                        row.getInt("silent_after_seconds"),
                        Sql.instant(row, "last_seen_at"),
                        Sql.instant(row, "silent_since"),
                        row.getString("fault"),
                        Sql.instant(row, "fault_at"),
                        Sql.instant(row, "created_at"),
                        Sql.instant(row, "updated_at"),
                        row.getLong("version")));
            }
        }
        return meters;
    }
}
