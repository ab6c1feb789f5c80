package io.depotops.connect.application;

import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.BootStatus;
import io.depotops.connect.domain.HandshakeVerdict;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The version-independent use cases behind the handlers: admit a charger, boot it, take its
 * status, authorise a token. Calls core for what the charger waits on and falls back to the
 * offline policy ({@link ConnectSettings.Offline}) when core does not answer in time.
 */
@ApplicationScoped
public class ChargerService {

    private static final Logger LOG = Logger.getLogger(ChargerService.class);

    private final CoreLink core;
    private final ChargerFacts facts;
    private final ConnectSettings settings;
    /** The last boot answer per charger; survives reconnects (not instance restarts). */
    private final Map<String, BootStatus> bootStates = new ConcurrentHashMap<>();

    public ChargerService(CoreLink core, ChargerFacts facts, ConnectSettings settings) {
        this.core = core;
        this.facts = facts;
        this.settings = settings;
    }

    /** May this charger open its websocket? Throws {@link CoreUnavailableException}: fail closed. */
    public HandshakeVerdict admit(String chargePointId, OcppVersion version, String password, boolean tls) {
        return core.handshake(chargePointId, version, password, tls);
    }

    public BootOutcome boot(String chargePointId, OcppVersion version, BootNotice notice) {
        BootOutcome outcome;
        try {
            outcome = core.boot(chargePointId, version, notice);
        } catch (CoreUnavailableException e) {
            LOG.warnf(
                    "core did not decide the boot of %s, answering by the offline policy: %s",
                    chargePointId, e.getMessage());
            outcome = new BootOutcome(
                    BootStatus.fromOcppName(settings.offline().bootStatus()),
                    settings.offline().bootIntervalSeconds(),
                    now(),
                    true);
        }
        bootStates.put(chargePointId, outcome.status());
        facts.booted(chargePointId, version, notice, outcome);
        return outcome;
    }

    /** The last boot status of the charger, if it booted since this instance started. */
    public Optional<BootStatus> bootStatus(String chargePointId) {
        return Optional.ofNullable(bootStates.get(chargePointId));
    }

    public void reportStatus(String chargePointId, OcppVersion version, StatusReport report) {
        facts.statusChanged(chargePointId, version, report);
    }

    public Authorization authorize(String chargePointId, String idToken, String tokenType) {
        try {
            return core.authorize(chargePointId, idToken, tokenType);
        } catch (CoreUnavailableException e) {
            LOG.warnf(
                    "core did not decide token of %s, answering by the offline policy: %s",
                    chargePointId, e.getMessage());
            return new Authorization(
                    AuthorizationStatus.fromName(settings.offline().authorizeStatus()), null, null, true);
        }
    }

    /** Now, UTC, to the millisecond (what goes into currentTime fields). */
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
