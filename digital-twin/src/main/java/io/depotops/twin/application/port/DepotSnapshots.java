package io.depotops.twin.application.port;

import io.depotops.twin.domain.model.DepotModel;
import java.util.List;
import java.util.Optional;

/** Core's view of depots: where the twin starts from and what it resyncs to. */
public interface DepotSnapshots {

    List<DepotRef> depots();

    /** The depot's state now, or empty when core has no such depot in that workspace. */
    Optional<DepotModel> load(DepotRef depot);
}
