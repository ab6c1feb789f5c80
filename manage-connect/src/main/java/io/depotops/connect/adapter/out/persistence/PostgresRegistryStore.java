package io.depotops.connect.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.connect.application.registry.RegistryChange;
import io.depotops.connect.application.registry.RegistryChange.ChargerChange;
import io.depotops.connect.application.registry.RegistryChange.IdTokenChange;
import io.depotops.connect.application.registry.RegistryStore;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.RegisteredIdToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Connect's copy of the registry in tables {@code registry_*} of its schema (V4). */
@ApplicationScoped
public class PostgresRegistryStore implements RegistryStore {

    // A change replaces an entry only if it is later: instances may write the same changes.
    private static final String UPSERT_CHARGER = """
            insert into registry_charger
              (charge_point_id, workspace_id, removed, ocpp_version, security_profile, password_verifier, seq)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (charge_point_id) do update set
              workspace_id = excluded.workspace_id, removed = excluded.removed,
              ocpp_version = excluded.ocpp_version, security_profile = excluded.security_profile,
              password_verifier = excluded.password_verifier, seq = excluded.seq
            where registry_charger.seq < excluded.seq
            """;
    private static final String UPSERT_TOKEN = """
            insert into registry_id_token (workspace_id, id_token, removed, vehicle_id, seq)
            values (?, ?, ?, ?, ?)
            on conflict (workspace_id, id_token) do update set
              removed = excluded.removed, vehicle_id = excluded.vehicle_id, seq = excluded.seq
            where registry_id_token.seq < excluded.seq
            """;
    private static final String ADVANCE =
            "update registry_state set applied_seq = greatest(applied_seq, ?) where id = 1";

    private final AgroalDataSource dataSource;

    public PostgresRegistryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Snapshot load() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<RegisteredCharger> chargers = new ArrayList<>();
            try (ResultSet row = statement.executeQuery(
                    "select charge_point_id, workspace_id, ocpp_version, security_profile, password_verifier, seq"
                            + " from registry_charger where not removed")) {
                while (row.next()) {
                    chargers.add(new RegisteredCharger(
                            row.getString(1),
                            row.getObject(2, UUID.class),
                            OcppVersion.fromSubprotocol("ocpp" + row.getString(3))
                                    .orElseThrow(),
                            row.getInt(4),
                            row.getString(5),
                            row.getLong(6)));
                }
            }
            List<RegisteredIdToken> tokens = new ArrayList<>();
            try (ResultSet row = statement.executeQuery(
                    "select workspace_id, id_token, vehicle_id, seq from registry_id_token where not removed")) {
                while (row.next()) {
                    tokens.add(new RegisteredIdToken(
                            row.getObject(1, UUID.class),
                            row.getString(2),
                            row.getObject(3, UUID.class),
                            row.getLong(4)));
                }
            }
            long applied;
            try (ResultSet row = statement.executeQuery("select applied_seq from registry_state where id = 1")) {
                applied = row.next() ? row.getLong(1) : 0;
            }
            return new Snapshot(chargers, tokens, applied);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the registry copy: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(List<RegistryChange> changes, long appliedSeq) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement chargers = connection.prepareStatement(UPSERT_CHARGER);
                    PreparedStatement tokens = connection.prepareStatement(UPSERT_TOKEN);
                    PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                for (RegistryChange change : changes) {
                    switch (change) {
                        case ChargerChange charger -> addCharger(chargers, charger);
                        case IdTokenChange token -> addToken(tokens, token);
                    }
                }
                chargers.executeBatch();
                tokens.executeBatch();
                advance.setLong(1, appliedSeq);
                advance.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store registry changes: " + e.getMessage(), e);
        }
    }

    private static void addCharger(PreparedStatement statement, ChargerChange change) throws SQLException {
        RegisteredCharger charger = change.charger();
        statement.setString(1, change.chargePointId());
        statement.setObject(2, change.workspaceId());
        statement.setBoolean(3, charger == null);
        if (charger == null) {
            statement.setNull(4, Types.VARCHAR);
            statement.setNull(5, Types.SMALLINT);
            statement.setNull(6, Types.VARCHAR);
        } else {
            statement.setString(4, charger.version().label());
            statement.setInt(5, charger.securityProfile());
            statement.setString(6, charger.passwordVerifier());
        }
        statement.setLong(7, change.seq());
        statement.addBatch();
    }

    private static void addToken(PreparedStatement statement, IdTokenChange change) throws SQLException {
        statement.setObject(1, change.workspaceId());
        statement.setString(2, change.idToken());
        statement.setBoolean(3, change.token() == null);
        if (change.token() == null || change.token().vehicleId() == null) {
            statement.setNull(4, Types.OTHER);
        } else {
            statement.setObject(4, change.token().vehicleId());
        }
        statement.setLong(5, change.seq());
        statement.addBatch();
    }

    @Override
    public void clear() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.addBatch("delete from registry_charger");
            statement.addBatch("delete from registry_id_token");
            statement.addBatch("update registry_state set applied_seq = 0 where id = 1");
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the registry copy: " + e.getMessage(), e);
        }
    }
}
