package io.depotops.core.application;

import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one acceptance point of telematics, whatever the source (scheduled polling in core, streams
 * through the telematics service). An update names its workspace, provider and device; it is
 * accepted only for a device registered on a vehicle of that workspace, and then, in one unit of
 * work, written to the history and, if newer than the snapshot, made the vehicle's snapshot.
 * A redelivered update (same id) changes nothing.
 */
@ApplicationScoped
public class TelematicsIngestService {

    /** An update as it arrives, before it is known to be acceptable. */
    public record IncomingUpdate(
            String workspaceId, String provider, String deviceId, String vin, TelematicsObservation observation) {}

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        LATE,
        REJECTED
    }

    private static final Logger LOG = Logger.getLogger(TelematicsIngestService.class);
    /** Observations from further in the future than this are a clock error, not data. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final WorkspaceRepository workspaces;
    private final VehicleRepository vehicles;
    private final TelematicsStore store;
    private final DomainEvents events;
    private final LiveStateService liveState;

    TelematicsIngestService(
            WorkspaceRepository workspaces,
            VehicleRepository vehicles,
            TelematicsStore store,
            DomainEvents events,
            LiveStateService liveState) {
        this.workspaces = workspaces;
        this.vehicles = vehicles;
        this.store = store;
        this.events = events;
        this.liveState = liveState;
    }

    @Transactional
    public Outcome ingest(IncomingUpdate update) {
        Set<UUID> changedDepots = new HashSet<>();
        Outcome outcome = apply(update, changedDepots);
        changedDepots.forEach(liveState::depotChanged);
        return outcome;
    }

    /**
     * A batch (a polled page) in one unit of work, each update exactly as {@link #ingest} would take
     * it; a depot's live state is invalidated once per batch, not once per vehicle.
     */
    @Transactional
    public Map<Outcome, Integer> ingestAll(List<IncomingUpdate> updates) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Set<UUID> changedDepots = new HashSet<>();
        for (IncomingUpdate update : updates) {
            outcomes.merge(apply(update, changedDepots), 1, Integer::sum);
        }
        changedDepots.forEach(liveState::depotChanged);
        return outcomes;
    }

    private Outcome apply(IncomingUpdate update, Set<UUID> changedDepots) {
        Optional<String> refusal = refusal(update);
        if (refusal.isPresent()) {
            store.reject(
                    update.workspaceId(),
                    update.provider(),
                    update.deviceId(),
                    update.observation().updateId(),
                    refusal.get());
            LOG.debugf("telematics update %s refused: %s", update.observation().updateId(), refusal.get());
            return Outcome.REJECTED;
        }
        UUID workspaceId = UUID.fromString(update.workspaceId());
        Vehicle vehicle = vehicles.findByTelematicsDevice(workspaceId, update.provider(), update.deviceId())
                .orElseThrow();
        if (!store.record(workspaceId, vehicle.id(), update.observation())) {
            return Outcome.DUPLICATE;
        }
        if (!store.advanceSnapshot(workspaceId, vehicle.id(), update.observation())) {
            return Outcome.LATE;
        }
        events.vehicleTelemetryUpdated(vehicle, update.observation());
        if (vehicle.depotId() != null) {
            changedDepots.add(vehicle.depotId());
        }
        return Outcome.ACCEPTED;
    }

    private Optional<String> refusal(IncomingUpdate update) {
        TelematicsObservation observation = update.observation();
        if (observation == null || observation.updateId() == null || observation.observedAt() == null) {
            return Optional.of("updateId and observedAt are required");
        }
        if (observation.observedAt().isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            return Optional.of("observedAt is in the future");
        }
        UUID workspaceId;
        try {
            workspaceId = UUID.fromString(update.workspaceId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("unknown workspace");
        }
        if (workspaces.find(workspaceId).isEmpty()) {
            return Optional.of("unknown workspace");
        }
        Optional<Vehicle> vehicle = update.provider() == null || update.deviceId() == null
                ? Optional.empty()
                : vehicles.findByTelematicsDevice(workspaceId, update.provider(), update.deviceId());
        if (vehicle.isEmpty()) {
            return Optional.of("unknown device: no vehicle of the workspace has this provider and device id");
        }
        if (update.vin() != null && !update.vin().equals(vehicle.get().vin())) {
            return Optional.of("the reported VIN differs from the registered vehicle's");
        }
        return Optional.empty();
    }
}
