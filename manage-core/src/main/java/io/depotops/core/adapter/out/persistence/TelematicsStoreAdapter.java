package io.depotops.core.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.domain.TelematicsObservation;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/** Canonical telematics in PostgreSQL: conditional SQL, so concurrency and redelivery are safe. */
@ApplicationScoped
class TelematicsStoreAdapter implements TelematicsStore {

    private static final String COLUMNS = "soc_percent, odometer_km, latitude, longitude, heading_degrees, speed_kmh,"
            + " ignition_on, plugged_in, charging_state, remaining_range_km, battery_temperature_c, attributes";
    private static final String VALUES = "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, cast(?16 as jsonb)";

    private final ObjectMapper json;

    TelematicsStoreAdapter(ObjectMapper json) {
        this.json = json;
    }

    private static final String RECORD = "insert into vehicle_telematics_history"
            + " (workspace_id, vehicle_id, provider, update_id, observed_at, " + COLUMNS + ")"
            + " values (?1, ?2, ?3, ?4, ?17, " + VALUES + ")"
            + " on conflict (vehicle_id, update_id) do nothing";

    private static final String ADVANCE_SNAPSHOT = "insert into vehicle_telematics_snapshot as s"
            + " (workspace_id, vehicle_id, provider, update_id, observed_at, received_at, " + COLUMNS + ")"
            + " values (?1, ?2, ?3, ?4, ?17, now(), " + VALUES + ")"
            + " on conflict (vehicle_id) do update set provider = excluded.provider, update_id = excluded.update_id,"
            + " observed_at = excluded.observed_at, received_at = excluded.received_at,"
            // A provider often reports a few fields per message (a SoC feed, a GPS feed): a
            // field the newer observation does not carry keeps its last known value.
            + " soc_percent = coalesce(excluded.soc_percent, s.soc_percent),"
            + " odometer_km = coalesce(excluded.odometer_km, s.odometer_km),"
            + " latitude = case when excluded.latitude is null then s.latitude else excluded.latitude end,"
            + " longitude = case when excluded.latitude is null then s.longitude else excluded.longitude end,"
            + " heading_degrees = case when excluded.latitude is null then s.heading_degrees"
            + " else excluded.heading_degrees end,"
            + " speed_kmh = coalesce(excluded.speed_kmh, s.speed_kmh),"
            + " ignition_on = coalesce(excluded.ignition_on, s.ignition_on),"
            + " plugged_in = coalesce(excluded.plugged_in, s.plugged_in),"
            + " charging_state = coalesce(excluded.charging_state, s.charging_state),"
            + " remaining_range_km = coalesce(excluded.remaining_range_km, s.remaining_range_km),"
            + " battery_temperature_c = coalesce(excluded.battery_temperature_c, s.battery_temperature_c),"
            + " attributes = coalesce(s.attributes, '{}'::jsonb) || coalesce(excluded.attributes, '{}'::jsonb),"
            + " stale_notified_at = null"
            + " where s.observed_at < excluded.observed_at";

    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\?(\\d+)");

    /** A statement written with JPA's numbered parameters, as JDBC needs it: plain ?s in order. */
    private record JdbcStatement(String sql, int[] parameterOrder) {

        static JdbcStatement of(String numberedSql) {
            Matcher parameters = NUMBERED_PARAMETER.matcher(numberedSql);
            List<Integer> order = new ArrayList<>();
            while (parameters.find()) {
                order.add(Integer.parseInt(parameters.group(1)));
            }
            return new JdbcStatement(
                    parameters.replaceAll("?"),
                    order.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static final JdbcStatement RECORD_JDBC = JdbcStatement.of(RECORD);
    private static final JdbcStatement ADVANCE_SNAPSHOT_JDBC = JdbcStatement.of(ADVANCE_SNAPSHOT);

    @Override
    public boolean record(UUID workspaceId, UUID vehicleId, TelematicsObservation o) {
        return recordAll(List.of(new Entry(workspaceId, vehicleId, o))).getFirst();
    }

    @Override
    public boolean advanceSnapshot(UUID workspaceId, UUID vehicleId, TelematicsObservation o) {
        return advanceSnapshots(List.of(new Entry(workspaceId, vehicleId, o))).getFirst();
    }

    @Override
    public List<Boolean> recordAll(List<Entry> entries) {
        return executeBatch(RECORD_JDBC, entries);
    }

    @Override
    public List<Boolean> advanceSnapshots(List<Entry> entries) {
        return executeBatch(ADVANCE_SNAPSHOT_JDBC, entries);
    }

    /**
     * Runs the statement once per entry as one JDBC batch in the current transaction: the driver
     * sends them together, one round trip instead of one per entry, and reports each row count.
     */
    private List<Boolean> executeBatch(JdbcStatement jdbc, List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int[] order = jdbc.parameterOrder();
        return em().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(jdbc.sql())) {
                for (Entry entry : entries) {
                    Object[] values = values(entry);
                    for (int i = 0; i < order.length; i++) {
                        statement.setObject(i + 1, values[order[i]]);
                    }
                    statement.addBatch();
                }
                return Arrays.stream(statement.executeBatch())
                        .mapToObj(count -> count == 1)
                        .toList();
            }
        });
    }

    /** The values of parameters ?1..?17 of {@link #RECORD} and {@link #ADVANCE_SNAPSHOT}. */
    private Object[] values(Entry entry) {
        TelematicsObservation o = entry.observation();
        return new Object[] {
            null,
            entry.workspaceId(),
            entry.vehicleId(),
            o.provider(),
            o.updateId(),
            o.stateOfChargePercent(),
            o.odometerKm(),
            o.latitude(),
            o.longitude(),
            o.headingDegrees(),
            o.speedKmh(),
            o.ignitionOn(),
            o.pluggedIn(),
            o.chargingState(),
            o.remainingRangeKm(),
            o.batteryTemperatureC(),
            attributes(o.attributes()),
            OffsetDateTime.ofInstant(o.observedAt(), ZoneOffset.UTC)
        };
    }

    @Override
    public Optional<Snapshot> snapshot(UUID vehicleId) {
        return snapshots(List.of(vehicleId)).stream().findFirst();
    }

    @Override
    public List<Snapshot> snapshots(List<UUID> vehicleIds) {
        if (vehicleIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = em().createNativeQuery("select vehicle_id, received_at, update_id, provider, observed_at, "
                        + COLUMNS + " from vehicle_telematics_snapshot where vehicle_id = any(?1)")
                .setParameter(1, vehicleIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(c -> new Snapshot((UUID) c[0], (Instant) c[1], observation(c, 2)))
                .toList();
    }

    @Override
    public List<TelematicsObservation> history(UUID vehicleId, Instant from, Instant to, int limit) {
        List<?> rows = em().createNativeQuery("select update_id, provider, observed_at, " + COLUMNS
                        + " from vehicle_telematics_history where vehicle_id = ?1 and observed_at >= ?2 and observed_at < ?3"
                        + " order by observed_at desc limit ?4")
                .setParameter(1, vehicleId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> observation((Object[]) row, 0)).toList();
    }

    @Override
    public void reject(String workspaceId, String provider, String deviceId, String updateId, String reason) {
        UUID workspace = null;
        try {
            workspace = workspaceId == null ? null : UUID.fromString(workspaceId);
        } catch (IllegalArgumentException ignored) {
            // recorded without a workspace: the update named none that exists
        }
        em().createNativeQuery("insert into telematics_rejection (workspace_id, provider, device_id, update_id, reason)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, workspace)
                .setParameter(2, provider)
                .setParameter(3, deviceId)
                .setParameter(4, updateId)
                .setParameter(5, reason)
                .executeUpdate();
    }

    @Override
    public List<Snapshot> markStale(Instant staleBefore, int limit) {
        // skip locked: two core instances never notify the same vehicle twice.
        List<?> rows = em().createNativeQuery("update vehicle_telematics_snapshot set stale_notified_at = now()"
                        + " where vehicle_id in (select vehicle_id from vehicle_telematics_snapshot"
                        + " where observed_at < ?1 and stale_notified_at is null"
                        + " order by observed_at limit ?2 for update skip locked)"
                        + " returning vehicle_id, received_at, update_id, provider, observed_at, " + COLUMNS)
                .setParameter(1, staleBefore)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(c -> new Snapshot((UUID) c[0], (Instant) c[1], observation(c, 2)))
                .toList();
    }

    /** Columns from {@code at}: update_id, provider, observed_at, then COLUMNS in order. */
    private TelematicsObservation observation(Object[] c, int at) {
        return new TelematicsObservation(
                (String) c[at],
                (String) c[at + 1],
                (Instant) c[at + 2],
                number(c[at + 3]),
                number(c[at + 4]),
                number(c[at + 5]),
                number(c[at + 6]),
                number(c[at + 7]),
                number(c[at + 8]),
                (Boolean) c[at + 9],
                (Boolean) c[at + 10],
                (String) c[at + 11],
                number(c[at + 12]),
                number(c[at + 13]),
                parse(c[at + 14]));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private String attributes(Map<String, Object> attributes) {
        try {
            return attributes == null || attributes.isEmpty() ? null : json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes cannot be stored", e);
        }
    }

    private Map<String, Object> parse(Object value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value.toString(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
