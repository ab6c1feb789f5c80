package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.BoundEventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/** Table {@code event_binding}, guarded by a transaction-scoped advisory lock. */
@ApplicationScoped
class JdbcBoundEventTypes implements BoundEventTypes {

    /** The advisory lock's key: any constant this database uses for nothing else. */
    private static final long LOCK = 0x1c1de7b1dL;

    private final AgroalDataSource dataSource;

    JdbcBoundEventTypes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> lockAndRead() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            Set<String> types = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement("select event_type from event_binding");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw Sql.failed("read the queue's bindings", e);
        }
    }

    @Override
    public void record(Set<String> eventTypes) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from event_binding")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into event_binding (event_type) select unnest(?::text[])")) {
                insert.setArray(1, connection.createArrayOf("text", eventTypes.toArray()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failed("record the queue's bindings", e);
        }
    }
}
