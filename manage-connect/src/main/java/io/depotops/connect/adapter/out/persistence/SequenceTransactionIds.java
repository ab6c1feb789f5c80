package io.depotops.connect.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.connect.application.transaction.TransactionIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Transaction ids from the sequence {@code transaction_id} of connect's schema (2^30 to 2^31 - 1:
 * above the ids core allocated before ADR 0010, inside OCPP 1.6's integer), shared by all
 * instances.
 */
@ApplicationScoped
public class SequenceTransactionIds implements TransactionIds {

    private final AgroalDataSource dataSource;

    public SequenceTransactionIds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long next() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement next = connection.prepareStatement("select nextval('transaction_id')");
                ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate a transaction id: " + e.getMessage(), e);
        }
    }
}
