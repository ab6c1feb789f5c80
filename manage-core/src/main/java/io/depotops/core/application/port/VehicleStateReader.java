package io.depotops.core.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The latest state of charge telematics reported for a vehicle. */
public interface VehicleStateReader {

    record StateOfCharge(BigDecimal percent, Instant observedAt) {}

    Optional<StateOfCharge> stateOfCharge(UUID vehicleId);
}
