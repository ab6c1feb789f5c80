package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "charger")
public class ChargerEntity extends TenantEntity {

    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "charge_point_id", updatable = false)
    public String chargePointId;

    public String vendor;

    public String model;

    @Column(name = "ocpp_version")
    public String ocppVersion;

    @Column(name = "security_profile")
    public int securityProfile;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "max_power_kw")
    public BigDecimal maxPowerKw;

    // Written only by charger facts (ChargerFactsStore), never by edits of the charger.
    @Column(updatable = false)
    public String status;

    @Column(insertable = false, updatable = false)
    public boolean online;

    @Column(name = "boot_status")
    public String bootStatus;

    @Column(name = "last_boot_at")
    public Instant lastBootAt;

    @Column(name = "firmware_version")
    public String firmwareVersion;

    @Column(name = "serial_number")
    public String serialNumber;

    // Loaded in batches so that a page of chargers costs a few queries, not one per charger.
    @ElementCollection
    @CollectionTable(name = "connector", joinColumns = @JoinColumn(name = "charger_id"))
    @OrderBy("evseId, connectorId")
    @BatchSize(size = 100)
    public List<ConnectorEmbeddable> connectors = new ArrayList<>();
}
