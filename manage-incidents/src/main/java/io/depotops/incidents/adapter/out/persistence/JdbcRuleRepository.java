package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.RuleRepository;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Rules in table {@code incident_rule}, plain JDBC in the caller's transaction. */
@ApplicationScoped
class JdbcRuleRepository implements RuleRepository {

    private static final String COLUMNS = "id, workspace_id, name, event_types::text as event_types, condition,"
            + " for_seconds, dedup_key, severity, resolve_condition, labels::text as labels, template_id,"
            + " created_at, updated_at, version";

    private final AgroalDataSource dataSource;

    JdbcRuleRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean insert(IncidentRule rule) {
        String sql = "insert into incident_rule (id, workspace_id, name, event_types, condition, for_seconds,"
                + " dedup_key, severity, resolve_condition, labels, template_id, created_at, updated_at, version)"
                + " values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
                + " on conflict (workspace_id, name) do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, rule.id());
            insert.setObject(2, rule.workspaceId());
            bindBody(insert, 3, rule);
            Sql.instant(insert, 12, rule.createdAt());
            Sql.instant(insert, 13, rule.updatedAt());
            insert.setLong(14, rule.version());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("store a rule", e);
        }
    }

    /** name .. template_id: 9 parameters from {@code first}. */
    private static void bindBody(PreparedStatement statement, int first, IncidentRule rule) throws SQLException {
        statement.setString(first, rule.name());
        statement.setString(first + 1, Json.write(rule.eventTypes()));
        statement.setString(first + 2, rule.condition());
        statement.setInt(first + 3, rule.forSeconds());
        statement.setString(first + 4, rule.dedupKey());
        statement.setString(first + 5, rule.severity().name());
        statement.setString(first + 6, rule.resolveCondition());
        statement.setString(first + 7, Json.write(rule.labels()));
        statement.setString(first + 8, rule.templateId());
    }

    @Override
    public Optional<IncidentRule> find(UUID workspaceId, UUID id) {
        List<IncidentRule> found =
                query("select " + COLUMNS + " from incident_rule where workspace_id = ? and id = ?", workspaceId, id);
        return found.stream().findFirst();
    }

    @Override
    public Set<String> eventTypesInUse() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select distinct jsonb_array_elements_text(event_types) from incident_rule");
                ResultSet rows = select.executeQuery()) {
            Set<String> types = new TreeSet<>();
            while (rows.next()) {
                types.add(rows.getString(1));
            }
            return types;
        } catch (SQLException e) {
            throw Sql.failed("read the rules' event types", e);
        }
    }

    @Override
    public List<IncidentRule> list(UUID workspaceId) {
        return query("select " + COLUMNS + " from incident_rule where workspace_id = ? order by name", workspaceId);
    }

    @Override
    public boolean update(IncidentRule rule, long expectedVersion) {
        String sql = "update incident_rule set name = ?, event_types = ?::jsonb, condition = ?, for_seconds = ?,"
                + " dedup_key = ?, severity = ?, resolve_condition = ?, labels = ?::jsonb, template_id = ?,"
                + " updated_at = ?, version = ? where workspace_id = ? and id = ? and version = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bindBody(update, 1, rule);
            Sql.instant(update, 10, rule.updatedAt());
            update.setLong(11, rule.version());
            update.setObject(12, rule.workspaceId());
            update.setObject(13, rule.id());
            update.setLong(14, expectedVersion);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateNameException();
            }
            throw Sql.failed("update a rule", e);
        }
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id, long expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from incident_rule where workspace_id = ? and id = ? and version = ?")) {
            delete.setObject(1, workspaceId);
            delete.setObject(2, id);
            delete.setLong(3, expectedVersion);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("delete a rule", e);
        }
    }

    private List<IncidentRule> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<IncidentRule> rules = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rules.add(new IncidentRule(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getString("name"),
                            Json.strings(row.getString("event_types")),
                            row.getString("condition"),
                            row.getInt("for_seconds"),
                            row.getString("dedup_key"),
                            Severity.valueOf(row.getString("severity")),
                            row.getString("resolve_condition"),
                            Json.labels(row.getString("labels")),
                            row.getString("template_id"),
                            Sql.instant(row, "created_at"),
                            Sql.instant(row, "updated_at"),
                            row.getLong("version")));
                }
            }
            return rules;
        } catch (SQLException e) {
            throw Sql.failed("read rules", e);
        }
    }
}
