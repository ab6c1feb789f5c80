package io.depotops.twin.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.twin.DepartureAtRiskV1;
import io.depotops.contracts.events.twin.DepartureRiskClearedV1;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import io.depotops.twin.application.port.DepotRef;
import io.depotops.twin.application.port.RiskAnnouncements;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.VehicleState;
import io.depotops.twin.domain.projection.RiskCrossings.Crossing;
import io.depotops.twin.domain.projection.VehicleProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crossings as {@code twin.vehicle.departure-at-risk.v1} / {@code ...departure-risk-cleared.v1}
 * through the outbox, and the announced set in table {@code departure_risk}, in one transaction:
 * after a restart the twin neither announces a vehicle twice nor forgets to clear it.
 */
@ApplicationScoped
class OutboxRiskAnnouncements implements RiskAnnouncements {

    private static final String SOURCE = "/digital-twin";

    private final Outbox outbox;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    OutboxRiskAnnouncements(Outbox outbox, AgroalDataSource dataSource, ObjectMapper json) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Instant> announced(DepotRef depot) {
        Map<String, Instant> announced = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select vehicle_id, departure_at from departure_risk where workspace_id = ? and depot_id = ?")) {
            select.setString(1, depot.workspaceId());
            select.setString(2, depot.depotId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    announced.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read announced departure risks", e);
        }
        return announced;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DepotModel depot, List<Crossing> crossings, Instant projectedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into departure_risk"
                        + " (vehicle_id, workspace_id, depot_id, departure_at, announced_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (vehicle_id) do update set workspace_id = excluded.workspace_id,"
                        + " depot_id = excluded.depot_id, departure_at = excluded.departure_at,"
                        + " announced_at = excluded.announced_at");
                PreparedStatement delete =
                        connection.prepareStatement("delete from departure_risk where vehicle_id = ?")) {
            for (Crossing crossing : crossings) {
                if (crossing.kind() == Crossing.Kind.AT_RISK) {
                    upsert.setString(1, crossing.vehicleId());
                    upsert.setString(2, depot.workspaceId());
                    upsert.setString(3, depot.depotId());
                    upsert.setTimestamp(4, Timestamp.from(crossing.departureAt()));
                    upsert.setTimestamp(5, Timestamp.from(projectedAt));
                    upsert.executeUpdate();
                } else {
                    delete.setString(1, crossing.vehicleId());
                    delete.executeUpdate();
                }
                outbox.append(
                        OutboxMessage.event(event(depot, crossing, projectedAt), "vehicle", crossing.vehicleId()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record departure-risk crossings", e);
        }
    }

    private CloudEvent event(DepotModel depot, Crossing crossing, Instant projectedAt) {
        VehicleProjection p = crossing.projection();
        Object data = crossing.kind() == Crossing.Kind.AT_RISK
                ? new DepartureAtRiskV1(
                        p.vehicleId(),
                        depot.workspaceId(),
                        depot.depotId(),
                        p.chargePointId(),
                        p.departureAt(),
                        p.targetSocPercent(),
                        round(p.projectedSocPercent()),
                        round(p.shortfallKwh()),
                        crossing.reason(),
                        projectedAt)
                : new DepartureRiskClearedV1(
                        crossing.vehicleId(),
                        depot.workspaceId(),
                        depot.depotId(),
                        crossing.departureAt(),
                        p != null ? p.targetSocPercent() : targetOf(depot, crossing.vehicleId()),
                        p != null ? round(p.projectedSocPercent()) : socOf(depot, crossing.vehicleId()),
                        crossing.reason(),
                        projectedAt);
        try {
            return DepotopsEvents.create(
                    EventTypes.of(data.getClass()),
                    SOURCE,
                    crossing.vehicleId(),
                    depot.workspaceId(),
                    json.writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("departure-risk event could not be written", e);
        }
    }

    /** A departed vehicle has no projection any more: its target and last state of charge, from the model. */
    private static double targetOf(DepotModel depot, String vehicleId) {
        VehicleState vehicle = depot.vehicles().get(vehicleId);
        return vehicle == null ? 0 : vehicle.targetSocPercent();
    }

    private static double socOf(DepotModel depot, String vehicleId) {
        VehicleState vehicle = depot.vehicles().get(vehicleId);
        return vehicle == null || vehicle.socPercent() == null ? 0 : round(vehicle.socPercent());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
