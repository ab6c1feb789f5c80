package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.StoreHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Asks the incidents database for {@code select 1}. */
@ApplicationScoped
class DatabaseStoreHealth implements StoreHealth {

    private final AgroalDataSource dataSource;

    DatabaseStoreHealth(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean reachable() {
        // A real statement, not isValid(): a broken pooled connection then fails with a
        // connection error, and the pool discards it instead of handing it out again.
        try (Connection connection = dataSource.getConnection();
                Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(2);
            probe.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
