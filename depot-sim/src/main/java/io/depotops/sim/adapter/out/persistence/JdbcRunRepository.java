package io.depotops.sim.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.depotops.sim.application.port.RunRepository;
import io.depotops.sim.application.run.RunRecord;
import io.depotops.sim.domain.engine.RunReport;
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

/** Runs in {@code simulation_run}; a run's report is kept as JSON once it ended. */
@ApplicationScoped
class JdbcRunRepository implements RunRepository {

    private static final String SELECT = "select id, workspace_id, config_id, config_version, seed, speed, state,"
            + " created_at, ended_at, report::text as report from simulation_run";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    JdbcRunRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public void insert(RunRecord run) {
        update(
                "insert into simulation_run (id, workspace_id, config_id, config_version, seed, speed, state,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(),
                run.workspaceId(),
                run.configId(),
                run.configVersion(),
                run.seed(),
                run.speed(),
                run.state(),
                Timestamp.from(run.createdAt()));
    }

    @Override
    public void updateState(UUID id, String state) {
        update("update simulation_run set state = ? where id = ?", state, id);
    }

    @Override
    public void finish(UUID id, String state, Instant endedAt, RunReport report) {
        String reportJson;
        try {
            reportJson = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a run report", e);
        }
        update(
                "update simulation_run set state = ?, ended_at = ?, report = ?::jsonb where id = ?",
                state,
                Timestamp.from(endedAt),
                reportJson,
                id);
    }

    @Override
    public Optional<RunRecord> find(UUID workspaceId, UUID id) {
        return query(SELECT + " where workspace_id = ? and id = ?", workspaceId, id).stream()
                .findFirst();
    }

    @Override
    public List<RunRecord> list(UUID workspaceId) {
        return query(SELECT + " where workspace_id = ? order by created_at desc, id limit 200", workspaceId);
    }

    @Override
    public int interruptUnfinished(Instant at) {
        return update(
                "update simulation_run set state = 'INTERRUPTED', ended_at = ?"
                        + " where state in ('CREATED', 'RUNNING', 'PAUSED')",
                Timestamp.from(at));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw JdbcConfigRepository.failed("store a run", e);
        }
    }

    private List<RunRecord> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<RunRecord> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp ended = row.getTimestamp("ended_at");
                    String report = row.getString("report");
                    found.add(new RunRecord(
                            row.getObject("id", UUID.class),
                            row.getObject("workspace_id", UUID.class),
                            row.getObject("config_id", UUID.class),
                            row.getInt("config_version"),
                            row.getLong("seed"),
                            row.getInt("speed"),
                            row.getString("state"),
                            row.getTimestamp("created_at").toInstant(),
                            ended == null ? null : ended.toInstant(),
                            report == null ? null : json.readValue(report, RunReport.class)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw JdbcConfigRepository.failed("read runs", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read a run report", e);
        }
    }
}
