package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.ChargerFactsStore;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Charger facts as one statement per kind and batch: the facts travel as arrays ({@code unnest ...
 * with ordinality}), {@code distinct on} keeps each charger's (or connector's) newest fact, of
 * equal times the last in the batch, and the update applies it only where it is newer than the
 * stored one. Each statement returns the depots of the chargers it changed.
 */
@ApplicationScoped
class ChargerFactsStoreAdapter implements ChargerFactsStore {

    private static final String CONNECTOR_STATUSES = """
            update connector c set status = f.status, status_updated_at = f.at
            from (select distinct on (cp, evse, conn) cp, evse, conn, status, at
                  from unnest(?::text[], ?::int[], ?::int[], ?::text[], ?::timestamptz[])
                       with ordinality as u(cp, evse, conn, status, at, n)
                  order by cp, evse, conn, at desc, n desc) f,
                 charger ch, site s
            where ch.charge_point_id = f.cp and s.id = ch.site_id
              and c.charger_id = ch.id and c.evse_id = f.evse and c.connector_id = f.conn
              and (c.status_updated_at is null or c.status_updated_at < f.at)
            returning s.depot_id
            """;

    private static final String CHARGER_STATUSES = """
            update charger ch set status = f.status, status_updated_at = f.at
            from (select distinct on (cp) cp, status, at
                  from unnest(?::text[], ?::text[], ?::timestamptz[]) with ordinality as u(cp, status, at, n)
                  order by cp, at desc, n desc) f,
                 site s
            where ch.charge_point_id = f.cp and s.id = ch.site_id
              and (ch.status_updated_at is null or ch.status_updated_at < f.at)
            returning s.depot_id
            """;

    private static final String CONNECTIVITY = """
            update charger ch set online = f.online, online_changed_at = f.at
            from (select distinct on (cp) cp, online, at
                  from unnest(?::text[], ?::boolean[], ?::timestamptz[]) with ordinality as u(cp, online, at, n)
                  order by cp, at desc, n desc) f,
                 site s
            where ch.charge_point_id = f.cp and s.id = ch.site_id
              and (ch.online_changed_at is null or ch.online_changed_at < f.at)
            returning s.depot_id
            """;

    private static final String BOOTS = """
            update charger ch set boot_status = f.status, last_boot_at = f.at,
                   firmware_version = f.firmware, serial_number = f.serial
            from (select distinct on (cp) cp, status, firmware, serial, at
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                       with ordinality as u(cp, status, firmware, serial, at, n)
                  order by cp, at desc, n desc) f,
                 site s
            where ch.charge_point_id = f.cp and s.id = ch.site_id
              and (ch.last_boot_at is null or ch.last_boot_at < f.at)
            returning s.depot_id
            """;

    @Override
    public Set<UUID> connectorStatuses(List<ConnectorStatus> statuses) {
        return update(
                CONNECTOR_STATUSES,
                statuses,
                column("text", ConnectorStatus::chargePointId),
                column("int", ConnectorStatus::evseId),
                column("int", ConnectorStatus::connectorId),
                column("text", ConnectorStatus::status),
                column("timestamptz", s -> s.at().toString()));
    }

    @Override
    public Set<UUID> chargerStatuses(List<ChargerStatus> statuses) {
        return update(
                CHARGER_STATUSES,
                statuses,
                column("text", ChargerStatus::chargePointId),
                column("text", ChargerStatus::status),
                column("timestamptz", s -> s.at().toString()));
    }

    @Override
    public Set<UUID> connectivity(List<Connectivity> facts) {
        return update(
                CONNECTIVITY,
                facts,
                column("text", Connectivity::chargePointId),
                column("boolean", Connectivity::online),
                column("timestamptz", f -> f.at().toString()));
    }

    @Override
    public Set<UUID> booted(List<Boot> boots) {
        return update(
                BOOTS,
                boots,
                column("text", Boot::chargePointId),
                column("text", Boot::status),
                column("text", Boot::firmwareVersion),
                column("text", Boot::serialNumber),
                column("timestamptz", b -> b.at().toString()));
    }

    /** One array parameter: its SQL element type and how to take an element from a fact. */
    private record Column<T>(String sqlType, Function<T, Object> value) {}

    private static <T> Column<T> column(String sqlType, Function<T, Object> value) {
        return new Column<>(sqlType, value);
    }

    @SafeVarargs
    private static <T> Set<UUID> update(String sql, List<T> facts, Column<T>... columns) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.length; i++) {
                    statement.setArray(i + 1, array(connection, columns[i], facts));
                }
                Set<UUID> depots = new HashSet<>();
                try (ResultSet changed = statement.executeQuery()) {
                    while (changed.next()) {
                        depots.add(changed.getObject(1, UUID.class));
                    }
                }
                return depots;
            }
        });
    }

    private static <T> Array array(Connection connection, Column<T> column, List<T> facts) throws SQLException {
        Object[] values = new Object[facts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.value().apply(facts.get(i));
        }
        String type = column.sqlType().equals("int") ? "int4" : column.sqlType();
        return connection.createArrayOf(type, values);
    }
}
