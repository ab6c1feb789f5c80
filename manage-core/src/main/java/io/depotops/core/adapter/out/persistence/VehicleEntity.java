package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "vehicle")
public class VehicleEntity extends TenantEntity {

    @Column(name = "depot_id")
    public UUID depotId;

    public String vin;

    @Column(name = "fleet_number")
    public String fleetNumber;

    @Column(name = "battery_kwh")
    public BigDecimal batteryKwh;

    @Column(name = "max_ac_kw")
    public BigDecimal maxAcKw;

    @Column(name = "max_dc_kw")
    public BigDecimal maxDcKw;

    @Column(name = "efficiency_kwh_per_km")
    public BigDecimal efficiencyKwhPerKm;

    @Column(name = "telematics_provider")
    public String telematicsProvider;

    @Column(name = "telematics_device_id")
    public String telematicsDeviceId;

    @Column(name = "id_tag")
    public String idTag;
}
