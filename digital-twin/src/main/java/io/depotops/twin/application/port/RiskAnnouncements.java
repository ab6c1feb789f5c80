package io.depotops.twin.application.port;

import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.projection.RiskCrossings.Crossing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Departure-risk announcements: which vehicles are announced at risk (for which departure), and
 * crossings written as events through the outbox together with that record (caller's transaction).
 */
public interface RiskAnnouncements {

    /** Announced vehicles of the depot: departure by vehicle id. */
    Map<String, Instant> announced(DepotRef depot);

    void record(DepotModel depot, List<Crossing> crossings, Instant projectedAt);
}
