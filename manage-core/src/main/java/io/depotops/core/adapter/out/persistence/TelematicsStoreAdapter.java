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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Canonical telematics in PostgreSQL: conditional SQL, so concurrency and redelivery are safe. */
@ApplicationScoped
class TelematicsStoreAdapter implements TelematicsStore {

    private static final String COLUMNS = "soc_percent, odometer_km, latitude, longitude, heading_degrees, speed_kmh,"
            + " ignition_on, plugged_in, charging_state, remaining_range_km, battery_temperature_c, attributes";
    /** The upsert's conflict clause: the observation replaces the snapshot only if it is newer. */
    private static final String SNAPSHOT_MERGE =
            " on conflict (vehicle_id) do update set provider = excluded.provider, update_id = excluded.update_id,"
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

    private static final String SNAPSHOT_INTO = "insert into vehicle_telematics_snapshot as s"
            + " (workspace_id, vehicle_id, provider, update_id, observed_at, received_at, " + COLUMNS + ")";

    /** Element types of the arrays for parameters ?1..?17 of {@link #values}, in that order. */
    private static final String[] UNNEST_TYPES = {
        "uuid",
        "uuid",
        "text",
        "text",
        "float8",
        "float8",
        "float8",
        "float8",
        "float8",
        "float8",
        "bool",
        "bool",
        "text",
        "float8",
        "float8",
        "text",
        "timestamptz"
    };

    /** The entries as rows: ?1..?17 as arrays, named as the columns. */
    private static final String UNNEST = " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::float8[],"
            + " ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::bool[], ?::bool[], ?::text[],"
            + " ?::float8[], ?::float8[], ?::text[], ?::timestamptz[]) as u(workspace_id, vehicle_id, provider,"
            + " update_id, soc_percent, odometer_km, latitude, longitude, heading_degrees, speed_kmh, ignition_on,"
            + " plugged_in, charging_state, remaining_range_km, battery_temperature_c, attributes, observed_at)";

    private static final String RECORD_ALL = "insert into vehicle_telematics_history"
            + " (workspace_id, vehicle_id, provider, update_id, observed_at, " + COLUMNS + ")"
            + " select workspace_id, vehicle_id, provider, update_id, observed_at, soc_percent, odometer_km, latitude,"
            + " longitude, heading_degrees, speed_kmh, ignition_on, plugged_in, charging_state, remaining_range_km,"
            + " battery_temperature_c, cast(attributes as jsonb)" + UNNEST
            + " on conflict (vehicle_id, update_id) do nothing returning vehicle_id, update_id";

    private static final String ADVANCE_ALL = SNAPSHOT_INTO
            + " select workspace_id, vehicle_id, provider, update_id, observed_at, now(), soc_percent, odometer_km,"
            + " latitude, longitude, heading_degrees, speed_kmh, ignition_on, plugged_in, charging_state,"
            + " remaining_range_km, battery_temperature_c, cast(attributes as jsonb)" + UNNEST + SNAPSHOT_MERGE
            + " returning vehicle_id";

    private final ObjectMapper json;

    TelematicsStoreAdapter(ObjectMapper json) {
        this.json = json;
    }

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
        if (entries.isEmpty()) {
            return List.of();
        }
        // One statement for the batch; of an update id given twice, only the first can be new.
        Set<String> inserted = new HashSet<>();
        runSetBased(RECORD_ALL, entries, rows -> inserted.add(rows.getObject(1, UUID.class) + "/" + rows.getString(2)));
        List<Boolean> recorded = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            recorded.add(inserted.remove(
                    entry.vehicleId() + "/" + entry.observation().updateId()));
        }
        return recorded;
    }

    @Override
    public List<Boolean> advanceSnapshots(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // One statement per round, a round holding at most one update per vehicle (an upsert cannot
        // touch a row twice), in batch order: so a vehicle's later update in the batch is applied
        // after, and merged onto, its earlier one, as one after the other. Usually one round.
        List<List<Integer>> rounds = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int round = seen.merge(entries.get(i).vehicleId(), 0, (before, zero) -> before + 1);
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        Boolean[] advanced = new Boolean[entries.size()];
        for (List<Integer> round : rounds) {
            List<Entry> ofRound = round.stream().map(entries::get).toList();
            Set<UUID> moved = new HashSet<>();
            runSetBased(ADVANCE_ALL, ofRound, rows -> moved.add(rows.getObject(1, UUID.class)));
            for (int i : round) {
                advanced[i] = moved.contains(entries.get(i).vehicleId());
            }
        }
        return Arrays.asList(advanced);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs a statement over the entries passed as one array per column ({@link #UNNEST}), in the
     * current transaction: one round trip and one statement for the whole batch.
     */
    private void runSetBased(String sql, List<Entry> entries, RowReader reader) {
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Object[][] columns = new Object[UNNEST_TYPES.length][entries.size()];
                for (int row = 0; row < entries.size(); row++) {
                    Object[] values = values(entries.get(row));
                    for (int column = 0; column < UNNEST_TYPES.length; column++) {
                        Object value = values[column + 1];
                        // Times as ISO text: the server parses them, whatever the session's zone.
                        columns[column][row] = value instanceof OffsetDateTime time
                                ? time.toInstant().toString()
                                : value;
                    }
                }
                for (int column = 0; column < UNNEST_TYPES.length; column++) {
                    statement.setArray(column + 1, connection.createArrayOf(UNNEST_TYPES[column], columns[column]));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        });
    }

    /** The values of parameters ?1..?17 ([0] unused), the columns of {@link #UNNEST} in order. */
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
