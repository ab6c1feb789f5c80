package io.depotops.connect.adapter.in.websocket;

import io.depotops.connect.adapter.in.ChargePointIdentity;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.registry.CoreUnavailableException;
import io.depotops.connect.domain.HandshakeVerdict;
import io.depotops.connect.domain.OcppVersion;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Admits a charger before the websocket upgrade:
 *
 * <ul>
 *   <li>it must offer {@code ocpp1.6} or {@code ocpp2.0.1} in {@code Sec-WebSocket-Protocol}
 *       (OCPP-J 1.6 section 3.1.2, OCPP 2.0.1 Part 4 section 3.1.2), else 400. Websockets-next then
 *       selects, among the offered ones, the first that {@code
 *       quarkus.websockets-next.server.supported-subprotocols} lists (in the client's order of
 *       preference, as the charger intends); this check applies the same rule;
 *   <li>its identity (the last path segment) must be a plausible charge point id, else 400;
 *   <li>HTTP basic credentials, when sent, must name the charge point id as the user (security
 *       profiles 1 and 2, OCPP 2.0.1 Part 2 A00.FR.2xx / 1.6 security whitepaper), else 401;
 *   <li>core's registry must know the charger, and its password must match the registered
 *       verifier (profile 2: over TLS), decided from connect's copy of the registry (ADR 0010),
 *       else 401 (with a Basic challenge); a charger unknown here is asked of core once, and when
 *       core cannot be asked, 503 (fail closed: an unknown charger never gets in).
 * </ul>
 */
@ApplicationScoped
public class OcppHandshakeCheck implements HttpUpgradeCheck {

    static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
    private static final Logger LOG = Logger.getLogger(OcppHandshakeCheck.class);

    private static final Map<String, List<String>> CHALLENGE =
            Map.of("WWW-Authenticate", List.of("Basic realm=\"depotops-ocpp\", charset=\"UTF-8\""));

    private final ChargerService chargers;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();

    public OcppHandshakeCheck(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String chargePointId = context.pathParam("chargePointId");
        Optional<OcppVersion> version = select(request.getHeader(SEC_WEBSOCKET_PROTOCOL));
        if (version.isEmpty()) {
            LOG.infof(
                    "refused %s: no supported OCPP subprotocol offered",
                    ChargePointIdentity.isValid(chargePointId) ? chargePointId : "a charger");
            return CheckResult.rejectUpgrade(400);
        }
        if (!ChargePointIdentity.isValid(chargePointId)) {
            LOG.infof(
                    "refused a charger: its identity is not an OCPP identifierString of at most %d characters",
                    ChargePointIdentity.MAX_LENGTH);
            return CheckResult.rejectUpgrade(400);
        }
        String password = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Optional<String[]> credentials = basic(authorization);
            if (credentials.isEmpty() || !credentials.get()[0].equals(chargePointId)) {
                LOG.infof("refused %s: basic credentials do not name the charge point", chargePointId);
                return CheckResult.rejectUpgrade(401, CHALLENGE);
            }
            password = credentials.get()[1];
        }
        boolean tls = request.isSSL();
        // Known here with a fast verifier (the usual case, ADR 0010): decided on the event loop,
        // in microseconds.
        Optional<HandshakeVerdict> atOnce = chargers.admitAtOnce(chargePointId, password, tls);
        if (atOnce.isPresent()) {
            return Uni.createFrom().item(result(chargePointId, atOnce.get()));
        }
        // Otherwise core is asked (the miss path) or a legacy verifier costs a PBKDF2: off the event
        // loop. The verdict must come back on the request's event loop: websockets-next upgrades and
        // installs the frame handlers where the check completes, and off the event loop a charger's
        // first frame, sent the moment the upgrade answers, could be read before the handlers exist
        // and be lost.
        String offeredPassword = password;
        Context requestContext = Vertx.currentContext();
        return Uni.createFrom()
                .item(() -> admit(chargePointId, offeredPassword, tls))
                .runSubscriptionOn(blocking)
                .emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
    }

    private CheckResult admit(String chargePointId, String password, boolean tls) {
        try {
            return result(chargePointId, chargers.admit(chargePointId, password, tls));
        } catch (CoreUnavailableException e) {
            LOG.warnf("refused %s: unknown here and core could not be asked (%s)", chargePointId, e.getMessage());
            return CheckResult.rejectUpgradeSync(503);
        }
    }

    private static CheckResult result(String chargePointId, HandshakeVerdict verdict) {
        if (verdict.accepted()) {
            return CheckResult.permitUpgradeSync();
        }
        LOG.infof("refused %s: %s", chargePointId, verdict.reason());
        return CheckResult.rejectUpgradeSync(401, CHALLENGE);
    }

    /** The first offered subprotocol connect speaks, in the client's order of preference. */
    static Optional<OcppVersion> select(String offered) {
        if (offered == null) {
            return Optional.empty();
        }
        for (String candidate : offered.split(",")) {
            Optional<OcppVersion> version = OcppVersion.fromSubprotocol(candidate.trim());
            if (version.isPresent()) {
                return version;
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
