package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.InhibitionRuleRepository;
import io.depotops.incidents.domain.inhibition.InhibitionRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A workspace's inhibition rules in table {@code inhibition_rule}, plain JDBC. */
@ApplicationScoped
class JdbcInhibitionRuleRepository implements InhibitionRuleRepository {

    private final AgroalDataSource dataSource;

    JdbcInhibitionRuleRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean insert(InhibitionRule rule, Instant createdAt) {
        String sql = "insert into inhibition_rule (id, workspace_id, name, source_matchers, target_matchers,"
                + " equal_labels, created_at) values (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)"
                + " on conflict (workspace_id, name) do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, rule.id());
            insert.setObject(2, rule.workspaceId());
            insert.setString(3, rule.name());
            insert.setString(4, Json.matchers(rule.sourceMatchers()));
            insert.setString(5, Json.matchers(rule.targetMatchers()));
            insert.setString(6, Json.write(rule.equal()));
            insert.setTimestamp(7, Timestamp.from(createdAt));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("store an inhibition rule", e);
        }
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from inhibition_rule where workspace_id = ? and id = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete an inhibition rule", e);
        }
    }

    @Override
    public List<InhibitionRule> list(UUID workspaceId) {
        String sql = "select id, workspace_id, name, source_matchers::text as s, target_matchers::text as t,"
                + " equal_labels::text as e from inhibition_rule where workspace_id = ? order by name";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, workspaceId);
            List<InhibitionRule> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new InhibitionRule(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getString("name"),
                            Json.matchers(row.getString("s")),
                            Json.matchers(row.getString("t")),
                            Json.list(row.getString("e"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failed("read inhibition rules", e);
        }
    }
}
