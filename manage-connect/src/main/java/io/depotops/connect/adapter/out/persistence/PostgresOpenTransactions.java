package io.depotops.connect.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.connect.application.transaction.OpenTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Open transactions in table {@code open_transaction} of connect's schema. */
@ApplicationScoped
public class PostgresOpenTransactions implements OpenTransactions {

    private static final String UPSERT = """
      insert into open_transaction
        (charge_point_id, transaction_key, transaction_id, evse_id, connector_id)
      values (?, ?, ?, ?, ?)
      on conflict (charge_point_id, transaction_key) do update set
        transaction_id = excluded.transaction_id,
        evse_id = excluded.evse_id, connector_id = excluded.connector_id
      """;

    private final AgroalDataSource dataSource;

    public PostgresOpenTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void remember(String chargePointId, String key, OpenTransaction transaction) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, chargePointId);
            upsert.setString(2, key);
            if (transaction.transactionId() == null) {
                upsert.setNull(3, Types.BIGINT);
            } else {
                upsert.setLong(3, transaction.transactionId());
            }
            if (transaction.evseId() == null) {
                upsert.setNull(4, Types.INTEGER);
            } else {
                upsert.setInt(4, transaction.evseId());
            }
            upsert.setInt(5, transaction.connectorId());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remember transaction " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OpenTransaction> recall(String chargePointId, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select transaction_id, evse_id, connector_id from open_transaction"
                                + " where charge_point_id = ? and transaction_key = ?")) {
            select.setString(1, chargePointId);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong(1);
                Long transactionId = row.wasNull() ? null : id;
                int evse = row.getInt(2);
                Integer evseId = row.wasNull() ? null : evse;
                return Optional.of(new OpenTransaction(transactionId, evseId, row.getInt(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recall transaction " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forget(String chargePointId, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from open_transaction where charge_point_id = ? and transaction_key = ?")) {
            delete.setString(1, chargePointId);
            delete.setString(2, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget transaction " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int forgetStartedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from open_transaction where started_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune open transactions: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> keyOf(String chargePointId, long transactionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select transaction_key from open_transaction where charge_point_id = ? and transaction_id = ?"
                                + " order by started_at desc limit 1")) {
            select.setString(1, chargePointId);
            select.setLong(2, transactionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }
}
