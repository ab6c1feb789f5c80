package io.depotops.connect.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.connect.application.ProvisionalTransactionIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Provisional transaction ids from the sequence {@code provisional_transaction_id} of connect's
 * schema (from 2^30 to 2^31 - 1, so they fit OCPP 1.6's integer and never meet core's ids): unique
 * across restarts and instances.
 */
@ApplicationScoped
public class SequenceProvisionalTransactionIds implements ProvisionalTransactionIds {

    private final AgroalDataSource dataSource;

    public SequenceProvisionalTransactionIds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long next() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement next = connection.prepareStatement("select nextval('provisional_transaction_id')");
                ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate a provisional transaction id: " + e.getMessage(), e);
        }
    }
}
