package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.DomainEvents.Change;
import io.depotops.core.application.port.SecretHasher;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.domain.BootStatus;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.Connector;
import io.depotops.core.domain.ConnectorType;
import io.depotops.core.domain.OcppVersion;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ChargerService {

    /** OCPP security profiles 1 and 2 use HTTP basic passwords of 16 to 40 characters. */
    static final int MIN_PASSWORD = 16;

    static final int MAX_PASSWORD = 40;

    /** What a client may set on a charger; {@code password} may be null on update (kept). */
    public record ChargerDraft(
            UUID siteId,
            String chargePointId,
            String vendor,
            String model,
            String ocppVersion,
            int securityProfile,
            String password,
            BigDecimal maxPowerKw,
            List<ConnectorDraft> connectors) {}

    public record ConnectorDraft(int evseId, int connectorId, String type, BigDecimal maxPowerKw) {}

    private final ChargerRepository chargers;
    private final SiteRepository sites;
    private final SecretHasher hasher;
    private final DomainEvents events;
    private final LiveStateService liveState;
    private final RegistryService registry;

    ChargerService(
            ChargerRepository chargers,
            SiteRepository sites,
            SecretHasher hasher,
            DomainEvents events,
            LiveStateService liveState,
            RegistryService registry) {
        this.chargers = chargers;
        this.sites = sites;
        this.hasher = hasher;
        this.events = events;
        this.liveState = liveState;
        this.registry = registry;
    }

    @Transactional
    public Charger register(UUID workspaceId, ChargerDraft draft) {
        requireSite(workspaceId, draft.siteId());
        chargers.findByChargePointId(draft.chargePointId()).ifPresent(existing -> {
            // Another workspace's charger is not disclosed: same answer, no id.
            UUID visibleId = existing.workspaceId().equals(workspaceId) ? existing.id() : null;
            throw new ConflictException("charger", "chargePointId", draft.chargePointId(), visibleId);
        });
        if (draft.password() == null) {
            throw new InvalidInputException("password", "is required when a charger is registered");
        }
        Charger charger = chargers.insert(new Charger(
                UUID.randomUUID(),
                workspaceId,
                draft.siteId(),
                draft.chargePointId(),
                draft.vendor(),
                draft.model(),
                version(draft.ocppVersion()),
                draft.securityProfile(),
                hasher.hash(checkedPassword(draft.password())),
                draft.maxPowerKw(),
                "Unknown",
                BootStatus.Pending,
                null,
                null,
                null,
                connectors(draft),
                Instant.now(),
                0));
        events.chargerChanged(charger, Change.REGISTERED);
        registry.chargerChanged(charger);
        liveState.siteChanged(charger.siteId());
        return charger;
    }

    @Transactional
    public Charger update(UUID workspaceId, UUID id, long expectedVersion, ChargerDraft draft) {
        Charger current = get(workspaceId, id);
        requireSite(workspaceId, draft.siteId());
        if (!current.chargePointId().equals(draft.chargePointId())) {
            throw new InvalidInputException(
                    "chargePointId", "cannot change: the charger connects under it; register a new charger");
        }
        String passwordHash =
                draft.password() == null ? current.passwordHash() : hasher.hash(checkedPassword(draft.password()));
        Charger updated = chargers.update(
                new Charger(
                        id,
                        workspaceId,
                        draft.siteId(),
                        current.chargePointId(),
                        draft.vendor(),
                        draft.model(),
                        version(draft.ocppVersion()),
                        draft.securityProfile(),
                        passwordHash,
                        draft.maxPowerKw(),
                        current.status(),
                        current.bootStatus(),
                        current.lastBootAt(),
                        current.firmwareVersion(),
                        current.serialNumber(),
                        keepStatuses(connectors(draft), current.connectors()),
                        current.createdAt(),
                        current.version()),
                expectedVersion);
        events.chargerChanged(updated, Change.UPDATED);
        registry.chargerChanged(updated);
        liveState.siteChanged(current.siteId());
        liveState.siteChanged(updated.siteId());
        return updated;
    }

    public Charger get(UUID workspaceId, UUID id) {
        return chargers.find(workspaceId, id).orElseThrow(() -> new NotFoundException("charger", id));
    }

    public Page<Charger> list(UUID workspaceId, ListQuery query) {
        return chargers.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        Charger charger = get(workspaceId, id);
        chargers.delete(workspaceId, id, expectedVersion);
        events.chargerChanged(charger, Change.REMOVED);
        registry.chargerChanged(charger);
        liveState.siteChanged(charger.siteId());
    }

    private void requireSite(UUID workspaceId, UUID siteId) {
        if (siteId == null || sites.find(workspaceId, siteId).isEmpty()) {
            throw new InvalidInputException("siteId", "must name a site of this workspace");
        }
    }

    private static OcppVersion version(String label) {
        try {
            return OcppVersion.fromLabel(label);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("ocppVersion", "must be 1.6 or 2.0.1");
        }
    }

    private static String checkedPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(
                    "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters (OCPP basic auth)");
        }
        return password;
    }

    private static List<Connector> connectors(ChargerDraft draft) {
        List<ConnectorDraft> drafts = draft.connectors() == null ? List.of() : draft.connectors();
        if (drafts.isEmpty()) {
            throw new InvalidInputException("connectors", "a charger has at least one connector");
        }
        Set<String> seen = new HashSet<>();
        List<Connector> connectors = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ConnectorDraft connector = drafts.get(i);
            String field = "connectors[" + i + "]";
            if (!seen.add(connector.evseId() + "/" + connector.connectorId())) {
                throw new InvalidInputException(
                        field,
                        "EVSE " + connector.evseId() + " connector " + connector.connectorId() + " is listed twice");
            }
            if (connector.maxPowerKw().compareTo(draft.maxPowerKw()) > 0) {
                throw new InvalidInputException(field + ".maxPowerKw", "exceeds the charger's maxPowerKw");
            }
            connectors.add(new Connector(
                    connector.evseId(),
                    connector.connectorId(),
                    connectorType(field, connector.type()),
                    connector.maxPowerKw(),
                    "Unknown",
                    null));
        }
        return connectors;
    }

    /** Connectors that stay keep the status their charger last reported. */
    private static List<Connector> keepStatuses(List<Connector> edited, List<Connector> current) {
        return edited.stream()
                .map(connector -> current.stream()
                        .filter(old ->
                                old.evseId() == connector.evseId() && old.connectorId() == connector.connectorId())
                        .findFirst()
                        .map(old -> new Connector(
                                connector.evseId(),
                                connector.connectorId(),
                                connector.type(),
                                connector.maxPowerKw(),
                                old.status(),
                                old.statusUpdatedAt()))
                        .orElse(connector))
                .toList();
    }

    private static ConnectorType connectorType(String field, String type) {
        try {
            return ConnectorType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field + ".type", "must be one of " + List.of(ConnectorType.values()));
        }
    }
}
