package io.depotops.connect.application.charger;

import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.registry.ChargerRegistry;
import io.depotops.connect.application.registry.CoreUnavailableException;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.BootStatus;
import io.depotops.connect.domain.HandshakeVerdict;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.StatusReport;
import io.depotops.platform.secrets.ChargerPasswords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The version-independent use cases behind the handlers: admit a charger, boot it, take its
 * status, authorise a token. Decided here, from connect's read model of core's registry ({@link
 * ChargerRegistry}, ADR 0010): a fleet reconnecting at once, or core restarting, never waits on
 * core. Core learns every decision through the facts connect publishes.
 */
@ApplicationScoped
public class ChargerService {

    private static final Logger LOG = Logger.getLogger(ChargerService.class);

    private final ChargerRegistry registry;
    private final ChargerFacts facts;
    private final ConnectSettings settings;
    private final Clock clock;
    private final ChargerPasswords passwords = new ChargerPasswords();
    /** The last boot answer per charger; survives reconnects (not instance restarts). */
    private final Map<String, BootStatus> bootStates = new ConcurrentHashMap<>();

    public ChargerService(ChargerRegistry registry, ChargerFacts facts, ConnectSettings settings, Clock clock) {
        this.registry = registry;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The handshake decided at once, without I/O, when the charger is known here and its verifier
     * is fast; empty when it needs core (the miss path) or a slow legacy verifier.
     */
    public Optional<HandshakeVerdict> admitAtOnce(String chargePointId, String password, boolean tls) {
        return registry.charger(chargePointId)
                .filter(charger -> !ChargerPasswords.isSlow(charger.passwordVerifier()))
                .map(charger -> verdict(charger, password, tls));
    }

    /**
     * May this charger open its websocket? Asks core only when the charger is unknown here.
     *
     * @throws CoreUnavailableException when the charger is unknown here and core cannot be asked:
     *     fail closed, an unknown charger never gets in
     */
    public HandshakeVerdict admit(String chargePointId, String password, boolean tls) {
        return registry.chargerOrAsk(chargePointId)
                .map(charger -> verdict(charger, password, tls))
                .orElseGet(() -> HandshakeVerdict.refuse("unknown charge point"));
    }

    private HandshakeVerdict verdict(RegisteredCharger charger, String password, boolean tls) {
        if (charger.requiresTls() && !tls) {
            return HandshakeVerdict.refuse("security profile " + charger.securityProfile() + " requires TLS");
        }
        if (!passwords.matches(password, charger.passwordVerifier())) {
            return HandshakeVerdict.refuse("wrong credentials");
        }
        return HandshakeVerdict.accept(charger.workspaceId());
    }

    /** A charger the registry knows is accepted; one removed since it connected is rejected. */
    public BootOutcome boot(String chargePointId, OcppVersion version, BootNotice notice) {
        boolean registered = registry.charger(chargePointId).isPresent();
        BootOutcome outcome = registered
                ? new BootOutcome(BootStatus.ACCEPTED, seconds(settings.heartbeatInterval()), now())
                : new BootOutcome(BootStatus.REJECTED, seconds(settings.rejectedBootInterval()), now());
        if (!registered) {
            LOG.infof("boot of %s rejected: no longer in core's registry", chargePointId);
        }
        bootStates.put(chargePointId, outcome.status());
        facts.booted(chargePointId, version, notice, outcome);
        return outcome;
    }

    /** The last boot status of the charger, if it booted since this instance started. */
    public Optional<BootStatus> bootStatus(String chargePointId) {
        return Optional.ofNullable(bootStates.get(chargePointId));
    }

    /**
     * The workspace of a charger core's registry knows (asked of core when unknown here).
     *
     * @throws CoreUnavailableException when it is unknown here and core cannot be asked
     */
    public Optional<java.util.UUID> workspaceOf(String chargePointId) {
        return registry.chargerOrAsk(chargePointId).map(RegisteredCharger::workspaceId);
    }

    public void reportStatus(String chargePointId, OcppVersion version, StatusReport report) {
        facts.statusChanged(chargePointId, version, report);
    }

    /**
     * A token is accepted when it is the id tag of a vehicle of the charger's workspace. Unknown
     * here, core is asked once; when core cannot be asked it stays unknown.
     */
    public Authorization authorize(String chargePointId, String idToken) {
        Optional<RegisteredCharger> charger = registry.charger(chargePointId);
        if (charger.isEmpty() || idToken == null) {
            return Authorization.invalid();
        }
        try {
            return registry.idTokenOrAsk(charger.get().workspaceId(), idToken)
                    .map(token -> Authorization.accepted())
                    .orElseGet(Authorization::unknown);
        } catch (CoreUnavailableException e) {
            LOG.warnf("token of %s unknown here and core could not be asked: %s", chargePointId, e.getMessage());
            return Authorization.unknown();
        }
    }

    /** Now, UTC, to the millisecond (what goes into currentTime fields). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static int seconds(java.time.Duration duration) {
        return (int) duration.toSeconds();
    }
}
