package io.depotops.sim.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.sim.application.config.StoredConfig;
import io.depotops.sim.application.port.ConfigRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Configs in {@code simulation_config}, their documents per version in {@code simulation_config_version}. */
@ApplicationScoped
class JdbcConfigRepository implements ConfigRepository {

    private static final String SELECT = "select c.id, c.workspace_id, v.name, v.version, v.document::text as document,"
            + " c.created_at, v.created_at as version_at from simulation_config c"
            + " join simulation_config_version v on v.config_id = c.id";

    private final AgroalDataSource dataSource;

    JdbcConfigRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(StoredConfig config) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into simulation_config"
                    + " (id, workspace_id, name, current_version, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, config.id());
                insert.setObject(2, config.workspaceId());
                insert.setString(3, config.name());
                insert.setInt(4, config.version());
                insert.setTimestamp(5, Timestamp.from(config.createdAt()));
                insert.setTimestamp(6, Timestamp.from(config.updatedAt()));
                insert.executeUpdate();
                insertVersion(connection, config);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("store a config", e);
        }
    }

    @Override
    public boolean addVersion(StoredConfig config) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update simulation_config set name = ?,"
                            + " current_version = ?, updated_at = ? where id = ? and workspace_id = ? and current_version = ?")) {
                update.setString(1, config.name());
                update.setInt(2, config.version());
                update.setTimestamp(3, Timestamp.from(config.updatedAt()));
                update.setObject(4, config.id());
                update.setObject(5, config.workspaceId());
                update.setInt(6, config.version() - 1);
                if (update.executeUpdate() != 1) {
                    connection.rollback();
                    return false;
                }
                insertVersion(connection, config);
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("store a config version", e);
        }
    }

    private static void insertVersion(Connection connection, StoredConfig config) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into simulation_config_version"
                + " (config_id, version, name, document, created_at) values (?, ?, ?, ?::jsonb, ?)")) {
            insert.setObject(1, config.id());
            insert.setInt(2, config.version());
            insert.setString(3, config.name());
            insert.setString(4, config.documentJson());
            insert.setTimestamp(5, Timestamp.from(config.updatedAt()));
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<StoredConfig> find(UUID workspaceId, UUID id) {
        return query(
                        SELECT + " where c.workspace_id = ? and c.id = ? and v.version = c.current_version",
                        workspaceId,
                        id)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<StoredConfig> find(UUID workspaceId, UUID id, int version) {
        return query(SELECT + " where c.workspace_id = ? and c.id = ? and v.version = ?", workspaceId, id, version)
                .stream()
                .findFirst();
    }

    @Override
    public List<StoredConfig> list(UUID workspaceId) {
        return query(
                SELECT + " where c.workspace_id = ? and v.version = c.current_version order by c.name, c.id",
                workspaceId);
    }

    private List<StoredConfig> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<StoredConfig> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new StoredConfig(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getString("name"),
                            row.getInt("version"),
                            row.getString("document"),
                            row.getTimestamp("created_at").toInstant(),
                            row.getTimestamp("version_at").toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failed("read configs", e);
        }
    }

    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
