package io.depotops.core.application;

import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final Clock clock;

    TelematicsIngestService(
            WorkspaceRepository workspaces,
            VehicleRepository vehicles,
            TelematicsStore store,
            DomainEvents events,
            LiveStateService liveState,
            Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
        this.vehicles = vehicles;
        this.store = store;
        this.events = events;
        this.liveState = liveState;
    }

    @Transactional
    public Outcome ingest(IncomingUpdate update) {
        return ingestAll(List.of(update)).keySet().iterator().next();
    }

    /**
     * A batch (a polled page) in one unit of work, each update exactly as {@link #ingest} would take
     * it; a depot's live state is invalidated once per batch, not once per vehicle.
     */
    @Transactional
    public Map<Outcome, Integer> ingestAll(List<IncomingUpdate> updates) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Registry registry = new Registry(updates);
        List<Vehicle> accepted = new ArrayList<>();
        List<TelematicsStore.Entry> entries = new ArrayList<>();
        for (IncomingUpdate update : updates) {
            Optional<String> refusal = refusal(update, registry);
            if (refusal.isPresent()) {
                reject(update, refusal.get());
                outcomes.merge(Outcome.REJECTED, 1, Integer::sum);
                continue;
            }
            UUID workspaceId = UUID.fromString(update.workspaceId());
            Vehicle vehicle = registry.vehicle(workspaceId, update.provider(), update.deviceId())
                    .orElseThrow();
            accepted.add(vehicle);
            entries.add(new TelematicsStore.Entry(workspaceId, vehicle.id(), update.observation()));
        }
        // Each statement of a batch sees the ones before it, so updates of one vehicle in the batch
        // behave as if applied one after the other (a duplicate is recorded once, late data stays late).
        List<Boolean> recorded = store.recordAll(entries);
        List<Vehicle> fresh = new ArrayList<>();
        List<TelematicsStore.Entry> freshEntries = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (recorded.get(i)) {
                fresh.add(accepted.get(i));
                freshEntries.add(entries.get(i));
            } else {
                outcomes.merge(Outcome.DUPLICATE, 1, Integer::sum);
            }
        }
        List<Boolean> advanced = store.advanceSnapshots(freshEntries);
        List<DomainEvents.VehicleObservation> updated = new ArrayList<>();
        Set<UUID> changedDepots = new HashSet<>();
        for (int i = 0; i < freshEntries.size(); i++) {
            if (!advanced.get(i)) {
                outcomes.merge(Outcome.LATE, 1, Integer::sum);
                continue;
            }
            Vehicle vehicle = fresh.get(i);
            updated.add(new DomainEvents.VehicleObservation(
                    vehicle, freshEntries.get(i).observation()));
            if (vehicle.depotId() != null) {
                changedDepots.add(vehicle.depotId());
            }
            outcomes.merge(Outcome.ACCEPTED, 1, Integer::sum);
        }
        events.vehiclesTelemetryUpdated(updated);
        changedDepots.forEach(liveState::depotChanged);
        return outcomes;
    }

    private void reject(IncomingUpdate update, String reason) {
        store.reject(
                update.workspaceId(),
                update.provider(),
                update.deviceId(),
                update.observation() == null ? null : update.observation().updateId(),
                reason);
        LOG.debugf("telematics update of %s refused: %s", update.deviceId(), reason);
    }

    private Optional<String> refusal(IncomingUpdate update, Registry registry) {
        TelematicsObservation observation = update.observation();
        if (observation == null || observation.updateId() == null || observation.observedAt() == null) {
            return Optional.of("updateId and observedAt are required");
        }
        if (observation.observedAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            return Optional.of("observedAt is in the future");
        }
        UUID workspaceId;
        try {
            workspaceId = UUID.fromString(update.workspaceId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("unknown workspace");
        }
        if (!registry.workspaceExists(workspaceId)) {
            return Optional.of("unknown workspace");
        }
        Optional<Vehicle> vehicle = update.provider() == null || update.deviceId() == null
                ? Optional.empty()
                : registry.vehicle(workspaceId, update.provider(), update.deviceId());
        if (vehicle.isEmpty()) {
            return Optional.of("unknown device: no vehicle of the workspace has this provider and device id");
        }
        if (update.vin() != null && !update.vin().equals(vehicle.get().vin())) {
            return Optional.of("the reported VIN differs from the registered vehicle's");
        }
        return Optional.empty();
    }

    /**
     * The workspaces and registered devices a set of updates names, looked up once per set (one
     * query per workspace and provider) instead of once per update.
     */
    private final class Registry {

        private record Source(UUID workspaceId, String provider) {}

        private final Map<UUID, Boolean> workspaceExists = new HashMap<>();
        private final Map<Source, Map<String, Vehicle>> devices = new HashMap<>();

        Registry(List<IncomingUpdate> updates) {
            Map<Source, Set<String>> wanted = new HashMap<>();
            for (IncomingUpdate update : updates) {
                try {
                    UUID workspaceId = UUID.fromString(update.workspaceId());
                    if (update.provider() != null && update.deviceId() != null) {
                        wanted.computeIfAbsent(new Source(workspaceId, update.provider()), s -> new HashSet<>())
                                .add(update.deviceId());
                    }
                } catch (IllegalArgumentException | NullPointerException e) {
                    // refused later as an unknown workspace
                }
            }
            wanted.forEach((source, deviceIds) -> devices.put(
                    source, vehicles.findByTelematicsDevices(source.workspaceId(), source.provider(), deviceIds)));
        }

        boolean workspaceExists(UUID workspaceId) {
            return workspaceExists.computeIfAbsent(
                    workspaceId, id -> workspaces.find(id).isPresent());
        }

        Optional<Vehicle> vehicle(UUID workspaceId, String provider, String deviceId) {
            return Optional.ofNullable(devices.getOrDefault(new Source(workspaceId, provider), Map.of())
                    .get(deviceId));
        }
    }
}
