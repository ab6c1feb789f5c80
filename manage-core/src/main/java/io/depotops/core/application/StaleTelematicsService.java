package io.depotops.core.application;

import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.application.port.TelematicsStore.Snapshot;
import io.depotops.core.application.port.VehicleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces each vehicle whose telematics went stale ({@code core.telematics.vehicle-stale.v1}),
 * once per silence: the next accepted observation re-arms it.
 */
@ApplicationScoped
public class StaleTelematicsService {

    private static final int BATCH = 500;

    private final TelematicsStore store;
    private final VehicleRepository vehicles;
    private final DomainEvents events;
    private final Duration staleAfter;

    StaleTelematicsService(
            TelematicsStore store,
            VehicleRepository vehicles,
            DomainEvents events,
            @ConfigProperty(name = "depotops.telematics.stale-after", defaultValue = "PT5M") Duration staleAfter) {
        this.store = store;
        this.vehicles = vehicles;
        this.events = events;
        this.staleAfter = staleAfter;
    }

    /** Returns how many vehicles were announced stale. */
    @Transactional
    public int announce(Instant now) {
        List<Snapshot> stale = store.markStale(now.minus(staleAfter), BATCH);
        for (Snapshot snapshot : stale) {
            vehicles.findById(snapshot.vehicleId())
                    .ifPresent(vehicle -> events.vehicleTelemetryStale(vehicle, snapshot.observation(), now));
        }
        return stale.size();
    }
}
