package io.depotops.core.adapter.out.persistence.report;

import io.depotops.core.application.report.ReportRows;
import io.depotops.core.domain.report.ReportKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Report rows straight from SQL, fetched in chunks through a cursor (inside the caller's transaction). */
@ApplicationScoped
class ReportRowsQuery implements ReportRows {

    private static final int FETCH_SIZE = 1000;

    /** Energy and duration as ChargingTransaction computes them; an active session has no duration yet. */
    private static final String CHARGING_SESSIONS = """
            select t.id, t.charge_point_id, t.evse_id, t.connector_id, v.fleet_number, v.vin, t.id_token,
                   t.started_at, t.ended_at,
                   cast(extract(epoch from t.ended_at - t.started_at) as bigint),
                   greatest(coalesce(t.meter_stop_wh, t.meter_last_wh, t.meter_start_wh) - t.meter_start_wh, 0) / 1000.0,
                   t.stop_reason, t.status
            from charging_transaction t left join vehicle v on v.id = t.vehicle_id
            where t.workspace_id = ?1 and t.started_at >= ?2 and t.started_at < ?3
            order by t.started_at, t.id
            """;

    @Override
    public void stream(UUID workspaceId, ReportKind kind, Instant from, Instant to, Consumer<List<Object>> sink) {
        String sql = switch (kind) {
            case CHARGING_SESSIONS -> CHARGING_SESSIONS;
        };
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, workspaceId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(row -> sink.accept(Arrays.asList(row)));
        }
    }
}
