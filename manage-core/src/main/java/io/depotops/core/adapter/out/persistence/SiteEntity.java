package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "site")
public class SiteEntity extends TenantEntity {

    @Column(name = "depot_id")
    public UUID depotId;

    public String name;

    @Column(name = "grid_capacity_kw")
    public BigDecimal gridCapacityKw;
}
