package io.depotops.core.application;

import io.depotops.core.application.port.ProviderAccountRepository;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.application.port.TelematicsStore.Snapshot;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderPollHealth;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads of canonical telematics: snapshots, history, and how fresh they are. */
@ApplicationScoped
public class TelematicsQueryService {

    /** A vehicle's snapshot and its age; {@code stale} beyond the configured freshness. */
    public record VehicleTelemetry(
            UUID vehicleId, TelematicsObservation latest, Instant receivedAt, Duration age, boolean stale) {}

    /** Freshness over a set of vehicles. */
    public record Freshness(
            int vehicles,
            int fresh,
            int stale,
            int neverReported,
            double freshShare,
            Duration staleAfter,
            Map<String, Instant> lastObservationByProvider,
            List<ProviderPollStatus> polledProviders) {}

    /**
     * How core's polling of one provider account goes: last successful poll, decayed error rate,
     * lag (now minus the newest observation the poll has seen).
     */
    public record ProviderPollStatus(
            UUID accountId,
            String provider,
            Instant lastSuccessfulPollAt,
            Instant lastAttemptAt,
            double errorRate,
            long attempts,
            long failures,
            int consecutiveFailures,
            String lastError,
            Instant nextAttemptAt,
            Instant newestObservationAt,
            Duration lag) {

        static ProviderPollStatus of(ProviderAccount account, Instant now) {
            ProviderPollHealth h = account.health();
            return new ProviderPollStatus(
                    account.id(),
                    account.kind().providerName(),
                    h.lastSuccessAt(),
                    h.lastAttemptAt(),
                    h.errorRate(),
                    h.attempts(),
                    h.failures(),
                    h.consecutiveFailures(),
                    h.lastError(),
                    h.nextAttemptAt(),
                    h.newestObservationAt(),
                    h.lag(now));
        }
    }

    private final VehicleRepository vehicles;
    private final TelematicsStore store;
    private final ProviderAccountRepository providerAccounts;
    private final Duration staleAfter;

    TelematicsQueryService(
            VehicleRepository vehicles,
            TelematicsStore store,
            ProviderAccountRepository providerAccounts,
            @ConfigProperty(name = "depotops.telematics.stale-after", defaultValue = "PT5M") Duration staleAfter) {
        this.vehicles = vehicles;
        this.store = store;
        this.providerAccounts = providerAccounts;
        this.staleAfter = staleAfter;
    }

    public Optional<VehicleTelemetry> latest(UUID workspaceId, UUID vehicleId, Instant now) {
        Vehicle vehicle =
                vehicles.find(workspaceId, vehicleId).orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
        return store.snapshot(vehicle.id()).map(snapshot -> telemetry(snapshot, now));
    }

    public List<TelematicsObservation> history(UUID workspaceId, UUID vehicleId, Instant from, Instant to, int limit) {
        vehicles.find(workspaceId, vehicleId).orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "must be before to");
        }
        if (limit < 1 || limit > 5000) {
            throw new InvalidInputException("limit", "must be between 1 and 5000");
        }
        return store.history(vehicleId, start, end, limit);
    }

    /** Freshness of the workspace's vehicles (of one depot when {@code depotId} is given). */
    public Freshness freshness(UUID workspaceId, UUID depotId, Instant now) {
        Map<String, String> filters = depotId == null ? Map.of() : Map.of("depotId", depotId.toString());
        List<Vehicle> all = new ArrayList<>();
        ListQuery query = new ListQuery(filters, "createdAt", null, ListQuery.MAX_LIMIT);
        Page<Vehicle> page = vehicles.list(workspaceId, query);
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                break;
            }
            page = vehicles.list(
                    workspaceId, new ListQuery(filters, "createdAt", page.nextCursor(), ListQuery.MAX_LIMIT));
        }
        List<Snapshot> snapshots = store.snapshots(all.stream().map(Vehicle::id).toList());
        int fresh = 0;
        Map<String, Instant> lastByProvider = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            if (!telemetry(snapshot, now).stale()) {
                fresh++;
            }
            lastByProvider.merge(
                    snapshot.observation().provider(),
                    snapshot.observation().observedAt(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        int stale = snapshots.size() - fresh;
        double share = all.isEmpty() ? 1.0 : (double) fresh / all.size();
        return new Freshness(
                all.size(),
                fresh,
                stale,
                all.size() - snapshots.size(),
                share,
                staleAfter,
                lastByProvider,
                providerAccounts.list(workspaceId).stream()
                        .map(account -> ProviderPollStatus.of(account, now))
                        .toList());
    }

    private VehicleTelemetry telemetry(Snapshot snapshot, Instant now) {
        Duration age = Duration.between(snapshot.observation().observedAt(), now);
        return new VehicleTelemetry(
                snapshot.vehicleId(),
                snapshot.observation(),
                snapshot.receivedAt(),
                age,
                age.compareTo(staleAfter) > 0);
    }
}
