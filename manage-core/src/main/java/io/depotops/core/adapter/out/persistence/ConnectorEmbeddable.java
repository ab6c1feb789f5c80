package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class ConnectorEmbeddable {

    @Column(name = "evse_id")
    public int evseId;

    @Column(name = "connector_id")
    public int connectorId;

    public String type;

    @Column(name = "max_power_kw")
    public BigDecimal maxPowerKw;

    public String status;

    @Column(name = "status_updated_at")
    public java.time.Instant statusUpdatedAt;
}
