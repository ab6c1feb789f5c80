package io.depotops.sitepwrmon.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.port.ReadingStore;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.LimitState;
import io.depotops.sitepwrmon.domain.reading.NodeLive;
import io.depotops.sitepwrmon.domain.reading.Quality;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.reading.ReadingPoint;
import io.depotops.sitepwrmon.domain.reading.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Readings in the day-partitioned table {@code reading}, rollups in {@code reading_rollup}, live
 * values in {@code node_live}. A batch is one statement: the rows go in as arrays ({@code unnest}),
 * and the rows that were new feed both rollups in the same statement.
 */
@ApplicationScoped
class JdbcReadingStore implements ReadingStore {

    private static final String PARTITION_PREFIX = "reading_p";
    private static final DateTimeFormatter PARTITION_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static final String ROLLUP =
            "insert into reading_rollup (node_id, resolution_seconds, bucket_start, samples,"
                    + " power_w_l1_sum, power_w_l2_sum, power_w_l3_sum, current_a_l1_sum, current_a_l2_sum, current_a_l3_sum,"
                    + " current_a_l1_max, current_a_l2_max, current_a_l3_max, energy_wh_last)"
                    + " select node_id, %1$d, date_bin('%1$d seconds', time, timestamptz '2000-01-01 00:00:00+00'), count(*),"
                    + " sum(coalesce(power_w_l1, 0)), sum(coalesce(power_w_l2, 0)), sum(coalesce(power_w_l3, 0)),"
                    + " sum(coalesce(current_a_l1, 0)), sum(coalesce(current_a_l2, 0)), sum(coalesce(current_a_l3, 0)),"
                    + " max(current_a_l1), max(current_a_l2), max(current_a_l3), max(energy_wh)"
                    + " from inserted group by 1, 2, 3"
                    + " on conflict (node_id, resolution_seconds, bucket_start) do update set"
                    + " samples = reading_rollup.samples + excluded.samples,"
                    + " power_w_l1_sum = reading_rollup.power_w_l1_sum + excluded.power_w_l1_sum,"
                    + " power_w_l2_sum = reading_rollup.power_w_l2_sum + excluded.power_w_l2_sum,"
                    + " power_w_l3_sum = reading_rollup.power_w_l3_sum + excluded.power_w_l3_sum,"
                    + " current_a_l1_sum = reading_rollup.current_a_l1_sum + excluded.current_a_l1_sum,"
                    + " current_a_l2_sum = reading_rollup.current_a_l2_sum + excluded.current_a_l2_sum,"
                    + " current_a_l3_sum = reading_rollup.current_a_l3_sum + excluded.current_a_l3_sum,"
                    + " current_a_l1_max = greatest(reading_rollup.current_a_l1_max, excluded.current_a_l1_max),"
                    + " current_a_l2_max = greatest(reading_rollup.current_a_l2_max, excluded.current_a_l2_max),"
                    + " current_a_l3_max = greatest(reading_rollup.current_a_l3_max, excluded.current_a_l3_max),"
                    + " energy_wh_last = greatest(reading_rollup.energy_wh_last, excluded.energy_wh_last)";

    private static final String STORE = "with input as (select * from unnest(?::uuid[], ?::timestamptz[], ?::text[],"
            + " ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::text[])"
            + " as t(node_id, time, meter_id, w1, w2, w3, a1, a2, a3, e, quality)),"
            + " inserted as (insert into reading (node_id, time, meter_id, power_w_l1, power_w_l2, power_w_l3,"
            + " current_a_l1, current_a_l2, current_a_l3, energy_wh, quality, received_at)"
            + " select distinct on (node_id, time) node_id, time, meter_id, w1, w2, w3, a1, a2, a3, e, quality, ?"
            + " from input order by node_id, time on conflict do nothing returning *),"
            + " minute as (" + ROLLUP.formatted(60) + "),"
            + " quarter as (" + ROLLUP.formatted(900) + "),"
            + " newest as (select distinct on (node_id) * from inserted order by node_id, time desc),"
            + " live as (insert into node_live (node_id, time, meter_id, power_w_l1, power_w_l2, power_w_l3,"
            + " current_a_l1, current_a_l2, current_a_l3, energy_wh, quality)"
            + " select node_id, time, meter_id, power_w_l1, power_w_l2, power_w_l3, current_a_l1, current_a_l2,"
            + " current_a_l3, energy_wh, quality from newest"
            + " on conflict (node_id) do update set time = excluded.time, meter_id = excluded.meter_id,"
            + " power_w_l1 = excluded.power_w_l1, power_w_l2 = excluded.power_w_l2, power_w_l3 = excluded.power_w_l3,"
            + " current_a_l1 = excluded.current_a_l1, current_a_l2 = excluded.current_a_l2,"
            + " current_a_l3 = excluded.current_a_l3, energy_wh = excluded.energy_wh, quality = excluded.quality"
            + " where node_live.time < excluded.time returning *)"
            + " select 'live' as kind, live.* from live"
            + " union all select 'count', null, null, null, null, null, null, null, null, null, null,"
            + " count(*)::text, null, null from inserted";

    private final AgroalDataSource dataSource;

    JdbcReadingStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public IngestOutcome store(List<Reading> readings, Instant receivedAt) {
        if (readings.isEmpty()) {
            return new IngestOutcome(0, List.of());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement store = connection.prepareStatement(STORE)) {
            store.setArray(1, connection.createArrayOf("uuid", column(readings, Reading::nodeId)));
            store.setArray(2, connection.createArrayOf("timestamptz", column(readings, r -> Timestamp.from(r.time()))));
            store.setArray(3, connection.createArrayOf("text", column(readings, Reading::meterId)));
            store.setArray(4, doubles(connection, readings, r -> r.powerW().l1()));
            store.setArray(5, doubles(connection, readings, r -> r.powerW().l2()));
            store.setArray(6, doubles(connection, readings, r -> r.powerW().l3()));
            store.setArray(7, doubles(connection, readings, r -> r.currentA().l1()));
            store.setArray(8, doubles(connection, readings, r -> r.currentA().l2()));
            store.setArray(9, doubles(connection, readings, r -> r.currentA().l3()));
            store.setArray(10, doubles(connection, readings, Reading::energyWh));
            store.setArray(
                    11,
                    connection.createArrayOf(
                            "text", column(readings, r -> r.quality().name())));
            Sql.instant(store, 12, receivedAt);
            int stored = 0;
            List<NodeLive> advanced = new ArrayList<>();
            try (ResultSet row = store.executeQuery()) {
                while (row.next()) {
                    if ("count".equals(row.getString("kind"))) {
                        stored = Integer.parseInt(row.getString("quality"));
                    } else {
                        advanced.add(live(row));
                    }
                }
            }
            return new IngestOutcome(stored, advanced);
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState()) && e.getMessage().contains("no partition")) {
                throw new InvalidInputException(
                        "time",
                        "no partition holds this time yet; readings are accepted"
                                + " within the window the partition job prepared");
            }
            throw Sql.failed("store readings", e);
        }
    }

    @Override
    public Page<ReadingPoint> series(
            UUID nodeId, Instant from, Instant to, Resolution resolution, String cursor, int limit) {
        Instant after = null;
        if (cursor != null) {
            try {
                after = Instant.parse(Cursors.decode(cursor));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("cursor", "not a cursor of this series");
            }
        }
        String sql = resolution == Resolution.RAW
                ? "select time, power_w_l1 as w1, power_w_l2 as w2, power_w_l3 as w3, current_a_l1 as a1,"
                        + " current_a_l2 as a2, current_a_l3 as a3, current_a_l1 as m1, current_a_l2 as m2,"
                        + " current_a_l3 as m3, energy_wh as e, 1 as samples from reading"
                        + " where node_id = ? and time >= ? and time < ? and (?::timestamptz is null or time > ?)"
                        + " order by time limit ?"
                : "select bucket_start as time, power_w_l1_sum / samples as w1, power_w_l2_sum / samples as w2,"
                        + " power_w_l3_sum / samples as w3, current_a_l1_sum / samples as a1,"
                        + " current_a_l2_sum / samples as a2, current_a_l3_sum / samples as a3,"
                        + " current_a_l1_max as m1, current_a_l2_max as m2, current_a_l3_max as m3,"
                        + " energy_wh_last as e, samples from reading_rollup"
                        + " where node_id = ? and bucket_start >= ? and bucket_start < ?"
                        + " and (?::timestamptz is null or bucket_start > ?) and resolution_seconds = "
                        + resolution.seconds() + " order by bucket_start limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, nodeId);
            Sql.instant(select, 2, from);
            Sql.instant(select, 3, to);
            Sql.instant(select, 4, after);
            Sql.instant(select, 5, after);
            select.setInt(6, limit + 1);
            List<ReadingPoint> points = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    points.add(new ReadingPoint(
                            Sql.instant(row, "time"),
                            phases(row, "w"),
                            phases(row, "a"),
                            phases(row, "m"),
                            JdbcNodeRepository.nullableDouble(row, "e"),
                            row.getInt("samples")));
                }
            }
            if (points.size() <= limit) {
                return new Page<>(points, null);
            }
            List<ReadingPoint> page = points.subList(0, limit);
            return new Page<>(page, Cursors.encode(page.getLast().time().toString()));
        } catch (SQLException e) {
            throw Sql.failed("read a node's readings", e);
        }
    }

    @Override
    public Optional<NodeLive> live(UUID nodeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select * from node_live where node_id = ?")) {
            select.setObject(1, nodeId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(live(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("read a node's live value", e);
        }
    }

    @Override
    public LimitState limitState(UUID nodeId, LimitState state) {
        String sql = "update node_live set limit_state = ? from (select limit_state as previous from node_live"
                + " where node_id = ? for update) old where node_id = ? returning old.previous";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, state.name());
            update.setObject(2, nodeId);
            update.setObject(3, nodeId);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? LimitState.valueOf(row.getString(1)) : LimitState.NORMAL;
            }
        } catch (SQLException e) {
            throw Sql.failed("set a node's limit state", e);
        }
    }

    @Override
    public boolean claimLoadEvent(UUID nodeId, Instant now, Duration minGap) {
        String sql = "update node_live set load_event_at = ? where node_id = ?"
                + " and (load_event_at is null or load_event_at <= ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            Sql.instant(update, 1, now);
            update.setObject(2, nodeId);
            Sql.instant(update, 3, now.minus(minGap));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failed("claim a node's load event", e);
        }
    }

    @Override
    public List<String> ensurePartitions(LocalDate from, LocalDate to) {
        List<String> created = new ArrayList<>();
        List<String> existing = partitions();
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String name = PARTITION_PREFIX + PARTITION_DAY.format(day);
                if (existing.contains(name)) {
                    continue;
                }
                ddl.execute("create table if not exists " + name + " partition of reading for values from ('"
                        + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "') to ('"
                        + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "')");
                created.add(name);
            }
            return created;
        } catch (SQLException e) {
            throw Sql.failed("create reading partitions", e);
        }
    }

    @Override
    public List<String> dropPartitionsBefore(LocalDate day) {
        String limit = PARTITION_PREFIX + PARTITION_DAY.format(day);
        List<String> dropped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            for (String name : partitions()) {
                // Names sort like their days (fixed width), so the comparison is by day.
                if (name.compareTo(limit) < 0) {
                    ddl.execute("drop table " + name);
                    dropped.add(name);
                }
            }
            return dropped;
        } catch (SQLException e) {
            throw Sql.failed("drop reading partitions", e);
        }
    }

    @Override
    public int deleteRollupsBefore(Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from reading_rollup where bucket_start < ?")) {
            Sql.instant(delete, 1, before);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("delete old rollups", e);
        }
    }

    @Override
    public List<String> partitions() {
        String sql = "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'reading'::regclass order by c.relname";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (row.next()) {
                names.add(row.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw Sql.failed("list reading partitions", e);
        }
    }

    private static NodeLive live(ResultSet row) throws SQLException {
        return new NodeLive(
                new Reading(
                        row.getObject("node_id", UUID.class),
                        row.getString("meter_id"),
                        Sql.instant(row, "time"),
                        new PhaseValues(
                                JdbcNodeRepository.nullableDouble(row, "power_w_l1"),
                                JdbcNodeRepository.nullableDouble(row, "power_w_l2"),
                                JdbcNodeRepository.nullableDouble(row, "power_w_l3")),
                        new PhaseValues(
                                JdbcNodeRepository.nullableDouble(row, "current_a_l1"),
                                JdbcNodeRepository.nullableDouble(row, "current_a_l2"),
                                JdbcNodeRepository.nullableDouble(row, "current_a_l3")),
                        JdbcNodeRepository.nullableDouble(row, "energy_wh"),
                        Quality.valueOf(row.getString("quality"))),
                LimitState.valueOf(row.getString("limit_state")));
    }

    private static PhaseValues phases(ResultSet row, String prefix) throws SQLException {
        return new PhaseValues(
                JdbcNodeRepository.nullableDouble(row, prefix + "1"),
                JdbcNodeRepository.nullableDouble(row, prefix + "2"),
                JdbcNodeRepository.nullableDouble(row, prefix + "3"));
    }

    private static Object[] column(List<Reading> readings, Function<Reading, Object> value) {
        return readings.stream().map(value).toArray();
    }

    private static java.sql.Array doubles(
            Connection connection, List<Reading> readings, Function<Reading, Double> value) throws SQLException {
        return connection.createArrayOf("float8", readings.stream().map(value).toArray());
    }
}
