package io.depotops.core.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "charging_transaction")
public class ChargingTransactionEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "workspace_id", updatable = false)
    public UUID workspaceId;

    @Column(name = "charger_id", updatable = false)
    public UUID chargerId;

    @Column(name = "charge_point_id", updatable = false)
    public String chargePointId;

    @Column(name = "evse_id", updatable = false)
    public int evseId;

    @Column(name = "connector_id", updatable = false)
    public int connectorId;

    @Column(name = "charger_transaction_id")
    public String chargerTransactionId;

    @Column(name = "id_token")
    public String idToken;

    @Column(name = "vehicle_id")
    public UUID vehicleId;

    @Column(name = "authorization_status")
    public String authorizationStatus;

    public String status;

    @Column(name = "started_at", updatable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "meter_start_wh")
    public long meterStartWh;

    @Column(name = "meter_last_wh")
    public Long meterLastWh;

    @Column(name = "meter_last_at")
    public Instant meterLastAt;

    @Column(name = "meter_stop_wh")
    public Long meterStopWh;

    @Column(name = "stop_reason")
    public String stopReason;

    @Version
    public long version;
}
