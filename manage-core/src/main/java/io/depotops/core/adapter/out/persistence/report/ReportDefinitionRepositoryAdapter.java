package io.depotops.core.adapter.out.persistence.report;

import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.ConflictException;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.report.ReportDefinitions;
import io.depotops.core.domain.report.ReportDefinition;
import io.depotops.core.domain.report.ReportDefinition.ScheduleState;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import io.depotops.core.domain.report.ReportPeriod;
import io.depotops.core.domain.report.ReportRun;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Report definitions in PostgreSQL. The due claim is one UPDATE over a SELECT ... FOR UPDATE SKIP
 * LOCKED (the telematics poller's pattern): the row is leased to one instance, and a run is
 * finished only by the lease's owner and only once per cron time (report_run's primary key).
 */
@ApplicationScoped
class ReportDefinitionRepositoryAdapter implements ReportDefinitions {

    private static final String COLUMNS = "id, workspace_id, depot_id, name, kind, format, period, cron, recipients,"
            + " enabled, scheduled_for, due_at, attempt, last_run_at, last_status, last_report_id, last_error,"
            + " version, created_at, updated_at";

    @Override
    @Transactional
    public Optional<ZoneId> depotZone(UUID workspaceId, UUID depotId) {
        List<?> rows = em().createNativeQuery("select time_zone from depot where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, depotId)
                .getResultList();
        return rows.stream().findFirst().map(zone -> ZoneId.of((String) zone));
    }

    @Override
    public ReportDefinition insert(ReportDefinition d) {
        int inserted = withFields(
                        em().createNativeQuery("insert into report_definition (id, workspace_id, depot_id, name, kind,"
                                + " format, period, cron, recipients, enabled, scheduled_for, due_at, attempt, version,"
                                + " created_at, updated_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, 0, 1, ?12, ?12)"
                                + " on conflict (workspace_id, name) do nothing"),
                        d)
                .setParameter(1, d.id())
                .setParameter(2, d.workspaceId())
                .setParameter(12, d.createdAt())
                .executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("report definition", "name", d.name(), idByName(d.workspaceId(), d.name()));
        }
        return find(d.workspaceId(), d.id()).orElseThrow();
    }

    /** A new schedule starts from its next cron time; the outcome of the last run stays. */
    @Override
    public ReportDefinition update(ReportDefinition d, long expectedVersion) {
        UUID other = idByName(d.workspaceId(), d.name());
        if (other != null && !other.equals(d.id())) {
            throw new ConflictException("report definition", "name", d.name(), other);
        }
        int changed = withFields(
                        em().createNativeQuery("update report_definition set depot_id = ?3, name = ?4, kind = ?5,"
                                + " format = ?6, period = ?7, cron = ?8, recipients = ?9, enabled = ?10,"
                                + " scheduled_for = ?11, due_at = ?11, attempt = 0, lease_owner = null, lease_until = null,"
                                + " updated_at = ?12, version = version + 1"
                                + " where workspace_id = ?1 and id = ?2 and version = ?13"),
                        d)
                .setParameter(1, d.workspaceId())
                .setParameter(2, d.id())
                .setParameter(12, d.updatedAt())
                .setParameter(13, expectedVersion)
                .executeUpdate();
        if (changed == 0) {
            throw new StaleVersionException("report definition", currentVersion(d.workspaceId(), d.id()));
        }
        return find(d.workspaceId(), d.id()).orElseThrow();
    }

    @Override
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        int deleted = em().createNativeQuery(
                        "delete from report_definition where workspace_id = ?1 and id = ?2 and version = ?3")
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .setParameter(3, expectedVersion)
                .executeUpdate();
        if (deleted == 0) {
            throw new StaleVersionException("report definition", currentVersion(workspaceId, id));
        }
    }

    @Override
    public Optional<ReportDefinition> find(UUID workspaceId, UUID id) {
        List<?> rows = em().createNativeQuery(
                        "select " + COLUMNS + " from report_definition where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> definition((Object[]) row));
    }

    @Override
    public List<ReportDefinition> list(UUID workspaceId) {
        List<?> rows = em().createNativeQuery(
                        "select " + COLUMNS + " from report_definition where workspace_id = ?1 order by name")
                .setParameter(1, workspaceId)
                .getResultList();
        return rows.stream().map(row -> definition((Object[]) row)).toList();
    }

    @Override
    public List<ReportRun> runs(UUID definitionId, int limit) {
        List<?> rows = em().createNativeQuery("select definition_id, scheduled_for, status, report_id, attempts,"
                        + " error, finished_at from report_run where definition_id = ?1"
                        + " order by scheduled_for desc limit ?2")
                .setParameter(1, definitionId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] c = (Object[]) row;
                    return new ReportRun(
                            (UUID) c[0],
                            SqlValues.instant(c[1]),
                            (String) c[2],
                            (UUID) c[3],
                            ((Number) c[4]).intValue(),
                            (String) c[5],
                            SqlValues.instant(c[6]));
                })
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ReportDefinition> claimDue(String owner, Instant now, Duration lease, int limit) {
        List<?> rows = em().createNativeQuery("update report_definition d"
                        + " set lease_owner = ?1, lease_until = cast(?2 as timestamptz) + make_interval(secs => ?3)"
                        + " where d.id in (select id from report_definition"
                        + " where enabled and due_at <= ?2 and (lease_until is null or lease_until < ?2)"
                        + " order by due_at limit ?4 for update skip locked)"
                        + " returning " + prefixed(COLUMNS))
                .setParameter(1, owner)
                .setParameter(2, now)
                .setParameter(3, (double) lease.toSeconds())
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> definition((Object[]) row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean finishRun(String owner, ReportDefinition d, ReportRun run, Instant next) {
        // nullable values travel as '' and are turned back into null in SQL (an untyped null parameter
        // has no PostgreSQL type)
        int recorded = em().createNativeQuery("insert into report_run (definition_id, scheduled_for, status,"
                        + " report_id, attempts, error, finished_at)"
                        + " select ?1, ?2, ?3, cast(nullif(?4, '') as uuid), ?5, nullif(?6, ''), ?7 from report_definition"
                        + " where id = ?1 and lease_owner = ?8 and scheduled_for = ?2"
                        + " on conflict (definition_id, scheduled_for) do nothing")
                .setParameter(1, d.id())
                .setParameter(2, run.scheduledFor())
                .setParameter(3, run.status())
                .setParameter(4, run.reportId() == null ? "" : run.reportId().toString())
                .setParameter(5, run.attempts())
                .setParameter(6, run.error() == null ? "" : run.error())
                .setParameter(7, run.finishedAt())
                .setParameter(8, owner)
                .executeUpdate();
        if (recorded == 0) {
            return false;
        }
        // no next cron time: the definition stays, disabled, with its history
        em().createNativeQuery("update report_definition set"
                        + " scheduled_for = case when ?8 then cast(?3 as timestamptz) end,"
                        + " due_at = case when ?8 then cast(?3 as timestamptz) end,"
                        + " enabled = enabled and ?8, attempt = 0,"
                        + " lease_owner = null, lease_until = null, last_run_at = ?4, last_status = ?5,"
                        + " last_report_id = cast(nullif(?6, '') as uuid), last_error = nullif(?7, '')"
                        + " where id = ?1 and lease_owner = ?2")
                .setParameter(1, d.id())
                .setParameter(2, owner)
                .setParameter(3, next != null ? next : run.scheduledFor())
                .setParameter(4, run.finishedAt())
                .setParameter(5, run.status())
                .setParameter(6, run.reportId() == null ? "" : run.reportId().toString())
                .setParameter(7, run.error() == null ? "" : run.error())
                .setParameter(8, next != null)
                .executeUpdate();
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retryLater(String owner, ReportDefinition d, String error, Instant retryAt) {
        return em().createNativeQuery("update report_definition set due_at = ?4, attempt = attempt + 1,"
                                + " last_error = nullif(?5, ''), lease_owner = null, lease_until = null"
                                + " where id = ?1 and lease_owner = ?2 and scheduled_for = ?3")
                        .setParameter(1, d.id())
                        .setParameter(2, owner)
                        .setParameter(3, d.schedule().scheduledFor())
                        .setParameter(4, retryAt)
                        .setParameter(5, error == null ? "" : error)
                        .executeUpdate()
                > 0;
    }

    private UUID idByName(UUID workspaceId, String name) {
        List<?> rows = em().createNativeQuery("select id from report_definition where workspace_id = ?1 and name = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, name)
                .getResultList();
        return rows.isEmpty() ? null : (UUID) rows.getFirst();
    }

    private long currentVersion(UUID workspaceId, UUID id) {
        List<?> rows = em().createNativeQuery(
                        "select version from report_definition where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.getFirst()).longValue();
    }

    private static String prefixed(String columns) {
        return String.join(
                ", ", Arrays.stream(columns.split(",\\s*")).map(c -> "d." + c).toList());
    }

    private static ReportDefinition definition(Object[] c) {
        String recipients = (String) c[8];
        return new ReportDefinition(
                (UUID) c[0],
                (UUID) c[1],
                (UUID) c[2],
                (String) c[3],
                ReportKind.valueOf((String) c[4]),
                ReportFormat.valueOf((String) c[5]),
                ReportPeriod.valueOf((String) c[6]),
                (String) c[7],
                recipients.isEmpty() ? List.of() : List.of(recipients.split(",")),
                (Boolean) c[9],
                new ScheduleState(
                        SqlValues.instant(c[10]),
                        SqlValues.instant(c[11]),
                        ((Number) c[12]).intValue(),
                        SqlValues.instant(c[13]),
                        (String) c[14],
                        (UUID) c[15],
                        (String) c[16]),
                ((Number) c[17]).longValue(),
                SqlValues.instant(c[18]),
                SqlValues.instant(c[19]));
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Parameters 3 to 11, the definition's own fields, in the same places for insert and update. */
    private static Query withFields(Query query, ReportDefinition d) {
        return query.setParameter(3, d.depotId())
                .setParameter(4, d.name())
                .setParameter(5, d.kind().name())
                .setParameter(6, d.format().name())
                .setParameter(7, d.period().name())
                .setParameter(8, d.cron())
                .setParameter(9, String.join(",", d.recipients()))
                .setParameter(10, d.enabled())
                .setParameter(11, d.schedule().scheduledFor());
    }
}
