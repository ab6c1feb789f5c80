package io.depotops.incidents.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.depotops.incidents.application.port.ChargerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Table {@code charger_directory}: charge point to workspace and site, from core's charger events. */
@ApplicationScoped
class JdbcChargerDirectory implements ChargerDirectory {

    private final AgroalDataSource dataSource;

    JdbcChargerDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void remember(Entry entry) {
        String sql = "insert into charger_directory (charge_point_id, workspace_id, charger_id, site_id)"
                + " values (?, ?, ?, ?) on conflict (charge_point_id) do update set workspace_id = excluded.workspace_id,"
                + " charger_id = excluded.charger_id, site_id = excluded.site_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, entry.chargePointId());
            upsert.setObject(2, entry.workspaceId());
            upsert.setString(3, entry.chargerId());
            upsert.setString(4, entry.siteId());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("remember a charger", e);
        }
    }

    @Override
    public void forget(String chargePointId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from charger_directory where charge_point_id = ?")) {
            delete.setString(1, chargePointId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failed("forget a charger", e);
        }
    }

    @Override
    public Optional<Entry> find(String chargePointId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select workspace_id, charger_id, site_id from charger_directory where charge_point_id = ?")) {
            select.setString(1, chargePointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Entry(
                                chargePointId,
                                row.getObject("workspace_id", UUID.class),
                                row.getString("charger_id"),
                                row.getString("site_id")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failed("look a charger up", e);
        }
    }
}
