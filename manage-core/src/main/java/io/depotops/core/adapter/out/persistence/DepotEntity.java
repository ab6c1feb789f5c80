package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "depot")
public class DepotEntity extends TenantEntity {

    public String name;

    public String address;

    @Column(name = "time_zone")
    public String timeZone;
}
