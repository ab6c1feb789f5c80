package io.depotops.twin.domain.projection;

import java.time.Instant;
import java.util.List;

/** Every vehicle's projection and the site's load over the next hours, as of {@code projectedAt}. */
public record DepotProjection(Instant projectedAt, List<VehicleProjection> vehicles, List<LoadStep> siteLoad) {

    public DepotProjection {
        vehicles = List.copyOf(vehicles);
        siteLoad = List.copyOf(siteLoad);
    }
}
