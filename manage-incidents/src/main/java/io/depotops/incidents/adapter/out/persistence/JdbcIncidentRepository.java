package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.domain.Page;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentEventLink;
import io.depotops.incidents.domain.incident.IncidentStatus;
import io.depotops.incidents.domain.incident.Note;
import io.depotops.incidents.domain.incident.Suppression;
import io.depotops.incidents.domain.incident.Transition;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Incidents and their timeline, notes and events: plain JDBC in the caller's transaction. */
@ApplicationScoped
class JdbcIncidentRepository implements IncidentRepository {

    private static final String COLUMNS = "id, workspace_id, rule_id, rule_version, rule_name, dedup_key, severity,"
            + " status, subject, resource_type, site_id, labels::text as labels, pending_since, fire_at, opened_at,"
            + " acknowledged_at, acknowledged_by, resolved_at, resolved_by, auto_resolved, last_event_at,"
            + " event_count, version, silenced_by::text as silenced_by, inhibited_by";

    private final AgroalDataSource dataSource;

    JdbcIncidentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Incident> findActiveForUpdate(UUID workspaceId, UUID ruleId, String dedupKey) {
        return first(query(
                "select " + COLUMNS + " from incident where workspace_id = ? and rule_id = ? and dedup_key = ?"
                        + " and status <> 'RESOLVED' for update",
                workspaceId,
                ruleId,
                dedupKey));
    }

    @Override
    public List<Incident> activeOpen(UUID workspaceId) {
        return query(
                "select " + COLUMNS + " from incident where workspace_id = ? and status in ('OPEN', 'ACKNOWLEDGED')"
                        + " order by opened_at limit 5000",
                workspaceId);
    }

    @Override
    public boolean insertIfNoneActive(Incident i) {
        String sql = "insert into incident (id, workspace_id, rule_id, rule_version, rule_name, dedup_key, severity,"
                + " status, subject, resource_type, site_id, labels, pending_since, fire_at, opened_at,"
                + " acknowledged_at, acknowledged_by, resolved_at, resolved_by, auto_resolved, last_event_at,"
                + " event_count, version, silenced_by, inhibited_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (workspace_id, rule_id, dedup_key) where status <> 'RESOLVED' do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, i.id());
            insert.setObject(2, i.workspaceId());
            insert.setObject(3, i.ruleId());
            insert.setLong(4, i.ruleVersion());
            insert.setString(5, i.ruleName());
            insert.setString(6, i.dedupKey());
            insert.setString(7, i.severity().name());
            insert.setString(8, i.status().name());
            insert.setString(9, i.subject());
            insert.setString(10, i.resourceType());
            insert.setString(11, i.siteId());
            insert.setString(12, Json.write(i.labels()));
            Sql.instant(insert, 13, i.pendingSince());
            Sql.instant(insert, 14, i.fireAt());
            Sql.instant(insert, 15, i.openedAt());
            Sql.instant(insert, 16, i.acknowledgedAt());
            insert.setString(17, i.acknowledgedBy());
            Sql.instant(insert, 18, i.resolvedAt());
            insert.setString(19, i.resolvedBy());
            insert.setBoolean(20, i.autoResolved());
            Sql.instant(insert, 21, i.lastEventAt());
            insert.setInt(22, i.eventCount());
            insert.setLong(23, i.version());
            insert.setString(24, Json.write(i.suppression().silencedBy()));
            insert.setObject(25, i.suppression().inhibitedBy());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("store an incident", e);
        }
    }

    @Override
    public void update(Incident i) {
        String sql = "update incident set status = ?, opened_at = ?, acknowledged_at = ?, acknowledged_by = ?,"
                + " resolved_at = ?, resolved_by = ?, auto_resolved = ?, last_event_at = ?, event_count = ?,"
                + " version = ?, silenced_by = ?::jsonb, inhibited_by = ? where id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, i.status().name());
            Sql.instant(update, 2, i.openedAt());
            Sql.instant(update, 3, i.acknowledgedAt());
            update.setString(4, i.acknowledgedBy());
            Sql.instant(update, 5, i.resolvedAt());
            update.setString(6, i.resolvedBy());
            update.setBoolean(7, i.autoResolved());
            Sql.instant(update, 8, i.lastEventAt());
            update.setInt(9, i.eventCount());
            update.setLong(10, i.version());
            update.setString(11, Json.write(i.suppression().silencedBy()));
            update.setObject(12, i.suppression().inhibitedBy());
            update.setObject(13, i.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("update an incident", e);
        }
    }

    @Override
    public void delete(UUID incidentId) {
        execute("delete from incident where id = ?", incidentId);
    }

    @Override
    public void recordTransition(UUID incidentId, Transition t) {
        String sql = "insert into incident_transition (incident_id, from_status, to_status, at, actor, reason)"
                + " values (?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, incidentId);
            insert.setString(2, t.from() == null ? null : t.from().name());
            insert.setString(3, t.to().name());
            Sql.instant(insert, 4, t.at());
            insert.setString(5, t.actor());
            insert.setString(6, t.reason());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("record a transition", e);
        }
    }

    @Override
    public void linkEvent(UUID incidentId, IncidentEventLink link) {
        String sql = "insert into incident_event (incident_id, event_id, event_type, observed_at, role)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, incidentId);
            insert.setString(2, link.eventId());
            insert.setString(3, link.eventType());
            Sql.instant(insert, 4, link.observedAt());
            insert.setString(5, link.role().name());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("link an event", e);
        }
    }

    @Override
    public void addNote(Note note) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into incident_note (id, incident_id, author, text, created_at) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, note.id());
            insert.setObject(2, note.incidentId());
            insert.setString(3, note.author());
            insert.setString(4, note.text());
            Sql.instant(insert, 5, note.createdAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("add a note", e);
        }
    }

    @Override
    public List<Incident> duePendingForUpdate(Instant now, int limit) {
        return query(
                "select " + COLUMNS + " from incident where status = 'PENDING' and fire_at <= ?"
                        + " order by fire_at limit ? for update skip locked",
                java.sql.Timestamp.from(now),
                limit);
    }

    @Override
    public Optional<Incident> find(UUID workspaceId, UUID id) {
        return first(query("select " + COLUMNS + " from incident where workspace_id = ? and id = ?", workspaceId, id));
    }

    @Override
    public Optional<Incident> findForUpdate(UUID workspaceId, UUID id) {
        return first(query(
                "select " + COLUMNS + " from incident where workspace_id = ? and id = ? for update", workspaceId, id));
    }

    @Override
    public Page<Incident> list(UUID workspaceId, Filter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incident where workspace_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(workspaceId));
        if (!filter.statuses().isEmpty()) {
            sql.append(" and status = any (?)");
            parameters.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!filter.severities().isEmpty()) {
            sql.append(" and severity = any (?)");
            parameters.add(filter.severities().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.subject() != null) {
            sql.append(" and subject = ?");
            parameters.add(filter.subject());
        }
        if (filter.cursor() != null) {
            Cursor after = Cursor.decode(filter.cursor());
            sql.append(" and (pending_since, id) < (?, ?)");
            parameters.add(java.sql.Timestamp.from(after.pendingSince()));
            parameters.add(after.id());
        }
        sql.append(" order by pending_since desc, id desc limit ?");
        parameters.add(filter.limit() + 1);
        List<Incident> found = query(sql.toString(), parameters.toArray());
        if (found.size() <= filter.limit()) {
            return new Page<>(found, null);
        }
        List<Incident> page = found.subList(0, filter.limit());
        Incident last = page.getLast();
        return new Page<>(page, new Cursor(last.pendingSince(), last.id()).encode());
    }

    @Override
    public List<Transition> transitions(UUID incidentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select from_status, to_status, at, actor, reason from incident_transition"
                                + " where incident_id = ? order by id")) {
            select.setObject(1, incidentId);
            List<Transition> transitions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String from = row.getString("from_status");
                    transitions.add(new Transition(
                            from == null ? null : IncidentStatus.valueOf(from),
                            IncidentStatus.valueOf(row.getString("to_status")),
                            Sql.instant(row, "at"),
                            row.getString("actor"),
                            row.getString("reason")));
                }
            }
            return transitions;
        } catch (SQLException e) {
            throw Sql.failed("read a timeline", e);
        }
    }

    @Override
    public List<Note> notes(UUID incidentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, author, text, created_at from incident_note where incident_id = ?"
                                + " order by created_at, id")) {
            select.setObject(1, incidentId);
            List<Note> notes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    notes.add(new Note(
                            row.getObject("id", UUID.class),
                            incidentId,
                            row.getString("author"),
                            row.getString("text"),
                            Sql.instant(row, "created_at")));
                }
            }
            return notes;
        } catch (SQLException e) {
            throw Sql.failed("read notes", e);
        }
    }

    @Override
    public List<IncidentEventLink> events(UUID incidentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select event_id, event_type, observed_at, role from incident_event where incident_id = ?"
                                + " order by observed_at, event_id")) {
            select.setObject(1, incidentId);
            List<IncidentEventLink> links = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    links.add(new IncidentEventLink(
                            row.getString("event_id"),
                            row.getString("event_type"),
                            Sql.instant(row, "observed_at"),
                            IncidentEventLink.Role.valueOf(row.getString("role"))));
                }
            }
            return links;
        } catch (SQLException e) {
            throw Sql.failed("read an incident's events", e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("change incidents", e);
        }
    }

    private List<Incident> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(connection, select, parameters);
            List<Incident> incidents = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    incidents.add(incident(row));
                }
            }
            return incidents;
        } catch (SQLException e) {
            throw Sql.failed("read incidents", e);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Incident incident(ResultSet row) throws SQLException {
        return new Incident(
                row.getObject("id", UUID.class),
                row.getObject("workspace_id", UUID.class),
                row.getObject("rule_id", UUID.class),
                row.getLong("rule_version"),
                row.getString("rule_name"),
                row.getString("dedup_key"),
                Severity.valueOf(row.getString("severity")),
                IncidentStatus.valueOf(row.getString("status")),
                row.getString("subject"),
                row.getString("resource_type"),
                row.getString("site_id"),
                Json.labels(row.getString("labels")),
                Sql.instant(row, "pending_since"),
                Sql.instant(row, "fire_at"),
                Sql.instant(row, "opened_at"),
                Sql.instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"),
                Sql.instant(row, "resolved_at"),
                row.getString("resolved_by"),
                row.getBoolean("auto_resolved"),
                Sql.instant(row, "last_event_at"),
                row.getInt("event_count"),
                row.getLong("version"),
                new Suppression(
                        Json.strings(row.getString("silenced_by")).stream()
                                .map(UUID::fromString)
                                .toList(),
                        row.getObject("inhibited_by", UUID.class)));
    }

    private static Optional<Incident> first(List<Incident> found) {
        return found.stream().findFirst();
    }

    /** Keyset position: the last item's pending time and id, opaque to clients. */
    private record Cursor(Instant pendingSince, UUID id) {

        String encode() {
            String raw = pendingSince.getEpochSecond() + ":" + pendingSince.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "not a cursor of this list");
            }
        }
    }
}
