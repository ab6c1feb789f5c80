package io.depotops.sitepwrmon.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.tree.NodeKind;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Nodes in table {@code power_node}, plain JDBC in the caller's transaction. */
@ApplicationScoped
class JdbcNodeRepository implements NodeRepository {

    private static final String COLUMNS = "id, workspace_id, site_id, parent_id, kind, name, limit_kw, limit_a_l1,"
            + " limit_a_l2, limit_a_l3, voltage_v, charger_id, charger_phases, created_at, updated_at, version";

    private final AgroalDataSource dataSource;

    JdbcNodeRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void lockSite(UUID workspaceId, UUID siteId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock =
                        connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "sitepwrmon.site:" + workspaceId + ":" + siteId);
            lock.execute();
        } catch (SQLException e) {
            throw Sql.failed("lock a site's tree", e);
        }
    }

    @Override
    public List<PowerNode> site(UUID workspaceId, UUID siteId) {
        return query(
                "select " + COLUMNS + " from power_node where workspace_id = ? and site_id = ?", workspaceId, siteId);
    }

    @Override
    public Optional<PowerNode> find(UUID workspaceId, UUID id) {
        return query("select " + COLUMNS + " from power_node where workspace_id = ? and id = ?", workspaceId, id)
                .stream()
                .findFirst();
    }

    @Override
    public List<PowerNode> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select " + COLUMNS + " from power_node where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return read(select);
        } catch (SQLException e) {
            throw Sql.failed("read nodes", e);
        }
    }

    @Override
    public Page<PowerNode> list(UUID workspaceId, UUID siteId, String cursor, int limit) {
        UUID after = null;
        if (cursor != null) {
            try {
                after = UUID.fromString(Cursors.decode(cursor));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "not a cursor of this list");
            }
        }
        String sql = "select " + COLUMNS + " from power_node where workspace_id = ?"
                + " and (?::uuid is null or site_id = ?::uuid) and (?::uuid is null or id > ?::uuid)"
                + " order by id limit ?";
        List<PowerNode> rows = query(sql, workspaceId, siteId, siteId, after, after, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<PowerNode> page = rows.subList(0, limit);
        return new Page<>(page, Cursors.encode(page.getLast().id().toString()));
    }

    @Override
    public boolean hasChildren(UUID workspaceId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select 1 from power_node where workspace_id = ? and parent_id = ?"
                                + " union all select 1 from meter where node_id = ? limit 1")) {
            select.setObject(1, workspaceId);
            select.setObject(2, id);
            select.setObject(3, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw Sql.failed("read a node's children", e);
        }
    }

    @Override
    public void insert(PowerNode node) {
        String sql = "insert into power_node (id, workspace_id, site_id, parent_id, kind, name, limit_kw, limit_a_l1,"
                + " limit_a_l2, limit_a_l3, voltage_v, charger_id, charger_phases, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, node.id());
            insert.setObject(2, node.workspaceId());
            insert.setObject(3, node.siteId());
            bindBody(insert, 4, node);
            Sql.instant(insert, 14, node.createdAt());
            Sql.instant(insert, 15, node.updatedAt());
            insert.setLong(16, node.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw refused("store a node", e);
        }
    }

    @Override
    public boolean update(PowerNode node, long expectedVersion) {
        String sql = "update power_node set parent_id = ?, kind = ?, name = ?, limit_kw = ?, limit_a_l1 = ?,"
                + " limit_a_l2 = ?, limit_a_l3 = ?, voltage_v = ?, charger_id = ?, charger_phases = ?,"
                + " updated_at = ?, version = ? where workspace_id = ? and id = ? and version = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bindBody(update, 1, node);
            Sql.instant(update, 11, node.updatedAt());
            update.setLong(12, node.version());
            update.setObject(13, node.workspaceId());
            update.setObject(14, node.id());
            update.setLong(15, expectedVersion);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw refused("update a node", e);
        }
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id, long expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from power_node where workspace_id = ? and id = ? and version = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            delete.setLong(3, expectedVersion);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete a node", e);
        }
    }

    /** parent_id .. charger_phases: 10 parameters from {@code first}. */
    private static void bindBody(PreparedStatement statement, int first, PowerNode node) throws SQLException {
        statement.setObject(first, node.parentId());
        statement.setString(first + 1, node.kind().name());
        statement.setString(first + 2, node.name());
        nullableDouble(statement, first + 3, node.limitKw());
        nullableDouble(statement, first + 4, node.limitA().l1());
        nullableDouble(statement, first + 5, node.limitA().l2());
        nullableDouble(statement, first + 6, node.limitA().l3());
        statement.setDouble(first + 7, node.voltageV());
        statement.setString(first + 8, node.chargerId());
        statement.setString(
                first + 9, node.chargerPhases().stream().map(Phase::name).collect(Collectors.joining(",")));
    }

    static void nullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static RuntimeException refused(String what, SQLException e) {
        if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage().contains("power_node_charger")) {
            return new DuplicateChargerException();
        }
        if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage().contains("power_node_one_root")) {
            return new InvalidInputException("parentId", "the site already has its root; name a parent");
        }
        return Sql.failed(what, e);
    }

    private List<PowerNode> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            return read(select);
        } catch (SQLException e) {
            throw Sql.failed("read nodes", e);
        }
    }

    private static List<PowerNode> read(PreparedStatement select) throws SQLException {
        List<PowerNode> nodes = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String phases = row.getString("charger_phases");
                nodes.add(new PowerNode(
                        row.getObject("id", UUID.class),
                        row.getObject("workspace_id", UUID.class),
                        row.getObject("site_id", UUID.class),
                        row.getObject("parent_id", UUID.class),
                        NodeKind.valueOf(row.getString("kind")),
                        row.getString("name"),
                        nullableDouble(row, "limit_kw"),
                        new PhaseValues(
                                nullableDouble(row, "limit_a_l1"),
                                nullableDouble(row, "limit_a_l2"),
                                nullableDouble(row, "limit_a_l3")),
                        row.getDouble("voltage_v"),
                        row.getString("charger_id"),
                        phases == null || phases.isEmpty()
                                ? List.of()
                                : Arrays.stream(phases.split(","))
                                        .map(Phase::valueOf)
                                        .toList(),
                        Sql.instant(row, "created_at"),
                        Sql.instant(row, "updated_at"),
                        row.getLong("version")));
            }
        }
        return nodes;
    }
}
