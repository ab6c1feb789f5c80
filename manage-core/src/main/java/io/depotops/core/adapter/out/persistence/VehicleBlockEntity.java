package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "vehicle_block")
public class VehicleBlockEntity extends TenantEntity {

    @Column(name = "depot_id")
    public UUID depotId;

    public String name;

    @Column(name = "departure_at")
    public Instant departureAt;

    @Column(name = "return_at")
    public Instant returnAt;

    @Column(name = "required_energy_kwh")
    public BigDecimal requiredEnergyKwh;

    @Column(name = "required_distance_km")
    public BigDecimal requiredDistanceKm;

    public String recurrence;

    @Column(name = "vehicle_id")
    public UUID vehicleId;
}
