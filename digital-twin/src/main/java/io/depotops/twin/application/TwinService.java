package io.depotops.twin.application;

import io.depotops.twin.application.port.DepotRef;
import io.depotops.twin.application.port.DepotSnapshots;
import io.depotops.twin.application.port.ProcessedEvents;
import io.depotops.twin.application.port.RiskAnnouncements;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.projection.DepotProjection;
import io.depotops.twin.domain.projection.DepotProjector;
import io.depotops.twin.domain.projection.RiskCrossings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live model of every depot and its projection. Facts are applied once per event id (inbox)
 * and each touched depot is projected again at once; crossings of a target are announced through
 * the outbox in the same transaction as the inbox entries. A resync replaces a depot's model with
 * core's snapshot (at start, on a schedule, and when a depot is asked for that the twin lacks).
 */
@ApplicationScoped
public class TwinService {

    private static final Logger LOG = Logger.getLogger(TwinService.class);

    /** A depot's model with the projection made from it. */
    public record Live(DepotModel model, DepotProjection projection) {}

    private final DepotSnapshots snapshots;
    private final ProcessedEvents processed;
    private final RiskAnnouncements announcements;
    private final DepotProjector projector;
    private final Clock clock;
    private final Map<DepotRef, Live> live = new ConcurrentHashMap<>();

    TwinService(
            DepotSnapshots snapshots,
            ProcessedEvents processed,
            RiskAnnouncements announcements,
            Clock clock,
            @ConfigProperty(name = "depotops.twin.horizon", defaultValue = "PT12H") Duration horizon,
            @ConfigProperty(name = "depotops.twin.load-step", defaultValue = "PT15M") Duration loadStep) {
        this.snapshots = snapshots;
        this.processed = processed;
        this.announcements = announcements;
        this.clock = clock;
        this.projector = new DepotProjector(horizon, loadStep);
    }

    /** Applies a batch of facts once each and refreshes what they touched; unknown ids are skipped. */
    public synchronized void apply(List<IncomingFact> facts) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> first = processed.firstDeliveries(
                    facts.stream().map(IncomingFact::eventId).toList());
            Map<DepotRef, DepotModel> touched = new LinkedHashMap<>();
            for (IncomingFact incoming : facts) {
                if (!first.remove(incoming.eventId())) {
                    continue; // seen before (a redelivery)
                }
                for (Map.Entry<DepotRef, Live> depot : live.entrySet()) {
                    DepotModel model = touched.getOrDefault(
                            depot.getKey(), depot.getValue().model());
                    if (model.concerns(incoming.fact())) {
                        touched.put(depot.getKey(), model.apply(incoming.fact()));
                    }
                }
            }
            touched.forEach(this::refresh);
        });
    }

    /** Replaces every depot's model with core's (at start and after a gap). */
    public synchronized void resyncAll() {
        Set<DepotRef> known = new LinkedHashSet<>(snapshots.depots());
        for (DepotRef depot : known) {
            resync(depot);
        }
        live.keySet().retainAll(known);
    }

    /** Replaces one depot's model with core's; false when core has no such depot. */
    public synchronized boolean resync(DepotRef depot) {
        Optional<DepotModel> model = snapshots.load(depot);
        if (model.isEmpty()) {
            live.remove(depot);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> refresh(depot, model.get()));
        return true;
    }

    /** The depot's model and projection, projected now; loaded from core when the twin lacks it. */
    public Live view(DepotRef depot) {
        Live known = live.get(depot);
        if (known == null) {
            if (!resync(depot)) {
                throw new NotFoundException("depot", depot.depotId());
            }
            known = live.get(depot);
        }
        return new Live(known.model(), projector.project(known.model(), clock.instant()));
    }

    /** The live projection and, side by side, the projection of a copy with the changes applied. */
    public WhatIf whatIf(DepotRef depot, List<WhatIfChange> changes) {
        Live now = view(depot);
        DepotModel copy = now.model();
        for (WhatIfChange change : changes) {
            copy = change.applyTo(copy);
        }
        return new WhatIf(
                now.projection(), projector.project(copy, now.projection().projectedAt()));
    }

    public record WhatIf(DepotProjection live, DepotProjection changed) {}

    private void refresh(DepotRef depot, DepotModel model) {
        Instant now = clock.instant();
        DepotProjection projection = projector.project(model, now);
        live.put(depot, new Live(model, projection));
        List<RiskCrossings.Crossing> crossings = RiskCrossings.between(announcements.announced(depot), projection);
        if (!crossings.isEmpty()) {
            announcements.record(model, new ArrayList<>(crossings), now);
            LOG.debugf("depot %s: %d departure-risk crossings", depot.depotId(), crossings.size());
        }
    }
}
