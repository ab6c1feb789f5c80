package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.VehicleStateReader;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The state of charge of a vehicle's telematics snapshot. */
@ApplicationScoped
class VehicleStateReaderAdapter implements VehicleStateReader {

    @Override
    public Optional<StateOfCharge> stateOfCharge(UUID vehicleId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select soc_percent, observed_at from vehicle_telematics_snapshot"
                        + " where vehicle_id = ?1 and soc_percent is not null")
                .setParameter(1, vehicleId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new StateOfCharge((BigDecimal) columns[0], (Instant) columns[1]);
        });
    }
}
