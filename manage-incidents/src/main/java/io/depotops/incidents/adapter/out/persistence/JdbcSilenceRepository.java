package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.SilenceRepository;
import io.depotops.incidents.domain.silence.Silence;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Silences in table {@code silence}, plain JDBC in the caller's transaction. */
@ApplicationScoped
class JdbcSilenceRepository implements SilenceRepository {

    private static final String COLUMNS =
            "id, workspace_id, matchers::text as matchers, starts_at, ends_at, created_by, comment, created_at";

    private final AgroalDataSource dataSource;

    JdbcSilenceRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(Silence s) {
        execute(
                "insert into silence (id, workspace_id, matchers, starts_at, ends_at, created_by, comment, created_at)"
                        + " values (?, ?, ?::jsonb, ?, ?, ?, ?, ?)",
                s.id(),
                s.workspaceId(),
                Json.matchers(s.matchers()),
                Timestamp.from(s.startsAt()),
                Timestamp.from(s.endsAt()),
                s.createdBy(),
                s.comment(),
                Timestamp.from(s.createdAt()));
    }

    @Override
    public void update(Silence s) {
        execute(
                "update silence set starts_at = ?, ends_at = ? where id = ?",
                Timestamp.from(s.startsAt()),
                Timestamp.from(s.endsAt()),
                s.id());
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id) {
        return execute("delete from silence where workspace_id = ? and id = ?", workspaceId, id) == 1;
    }

    @Override
    public Optional<Silence> find(UUID workspaceId, UUID id) {
        return query("select " + COLUMNS + " from silence where workspace_id = ? and id = ?", workspaceId, id).stream()
                .findFirst();
    }

    @Override
    public List<Silence> list(UUID workspaceId) {
        return query(
                "select " + COLUMNS + " from silence where workspace_id = ? order by created_at desc, id limit 1000",
                workspaceId);
    }

    @Override
    public List<Silence> activeAt(UUID workspaceId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return query(
                "select " + COLUMNS + " from silence where workspace_id = ? and starts_at <= ? and ends_at > ?",
                workspaceId,
                at,
                at);
    }

    private int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("change silences", e);
        }
    }

    private List<Silence> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Silence> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Silence(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            Json.matchers(row.getString("matchers")),
                            Sql.instant(row, "starts_at"),
                            Sql.instant(row, "ends_at"),
                            row.getString("created_by"),
                            row.getString("comment"),
                            Sql.instant(row, "created_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failed("read silences", e);
        }
    }
}
