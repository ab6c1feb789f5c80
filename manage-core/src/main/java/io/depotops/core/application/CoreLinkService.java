package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.SecretHasher;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.BootStatus;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The decisions a charger waits on, asked by manage-connect: may it connect, is its boot accepted,
 * may a token charge. Answers must be fast: each is one indexed lookup.
 */
@ApplicationScoped
public class CoreLinkService {

    public record Handshake(boolean accepted, String reason) {}

    public record Boot(BootStatus status, int intervalSeconds, Instant currentTime) {}

    public record Authorization(String status, String vehicleId) {}

    private final ChargerRepository chargers;
    private final VehicleRepository vehicles;
    private final SecretHasher hasher;
    private final DomainEvents events;
    private final LiveStateService liveState;
    private final int heartbeatIntervalSeconds;

    CoreLinkService(
            ChargerRepository chargers,
            VehicleRepository vehicles,
            SecretHasher hasher,
            DomainEvents events,
            LiveStateService liveState,
            @ConfigProperty(name = "depotops.ocpp.heartbeat-interval-seconds", defaultValue = "300")
                    int heartbeatIntervalSeconds) {
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.hasher = hasher;
        this.events = events;
        this.liveState = liveState;
        this.heartbeatIntervalSeconds = heartbeatIntervalSeconds;
    }

    /**
     * Security profile 1 needs the right password; profile 2 the right password over TLS. A charger
     * registered for profile 2 is refused on a plain connection even with the right password.
     */
    public Handshake handshake(String chargePointId, String password, boolean tls) {
        Optional<Charger> found = chargers.findByChargePointId(chargePointId);
        if (found.isEmpty()) {
            return new Handshake(false, "unknown charge point");
        }
        Charger charger = found.get();
        if (charger.securityProfile() == 2 && !tls) {
            return new Handshake(false, "security profile 2 requires TLS");
        }
        if (password == null || !hasher.matches(password, charger.passwordHash())) {
            return new Handshake(false, "wrong credentials");
        }
        return new Handshake(true, null);
    }

    /** A registered charger's boot is accepted; it reports firmware and serial number on the way. */
    @Transactional
    public Boot boot(String chargePointId, String firmwareVersion, String serialNumber) {
        Instant now = Instant.now();
        Optional<Charger> found = chargers.findByChargePointId(chargePointId);
        if (found.isEmpty()) {
            return new Boot(BootStatus.Rejected, heartbeatIntervalSeconds, now);
        }
        Charger charger = found.get();
        Charger booted = chargers.update(
                charger.booted(BootStatus.Accepted, now, firmwareVersion, serialNumber), charger.version());
        events.chargerBooted(booted);
        liveState.siteChanged(booted.siteId());
        return new Boot(BootStatus.Accepted, heartbeatIntervalSeconds, now);
    }

    /** A token is accepted when it is the id tag of a vehicle of the charger's workspace. */
    public Authorization authorize(String chargePointId, String idToken) {
        Optional<Charger> charger = chargers.findByChargePointId(chargePointId);
        if (charger.isEmpty()) {
            return new Authorization("Invalid", null);
        }
        Optional<Vehicle> vehicle = vehicles.findByIdTag(charger.get().workspaceId(), idToken);
        return vehicle.map(v -> new Authorization("Accepted", v.id().toString()))
                .orElseGet(() -> new Authorization("Invalid", null));
    }
}
