package io.depotops.connect.adapter.out.corelink;

import io.depotops.connect.application.CoreLink;
import io.depotops.connect.application.CoreUnavailableException;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.BootStatus;
import io.depotops.connect.domain.HandshakeVerdict;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;
import io.depotops.contracts.corelink.AuthorizeDecision;
import io.depotops.contracts.corelink.AuthorizeRequest;
import io.depotops.contracts.corelink.BootDecision;
import io.depotops.contracts.corelink.BootRequest;
import io.depotops.contracts.corelink.HandshakeDecision;
import io.depotops.contracts.corelink.HandshakeRequest;
import io.depotops.contracts.corelink.TransactionStartDecision;
import io.depotops.contracts.corelink.TransactionStartRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The core link over REST ({@link GuardedCoreCalls}): maps the contract of shared-contracts to the
 * domain, and every failure (after the retry) to {@link CoreUnavailableException}.
 */
@ApplicationScoped
public class RestCoreLink implements CoreLink {

    private final GuardedCoreCalls calls;

    public RestCoreLink(GuardedCoreCalls calls) {
        this.calls = calls;
    }

    @Override
    public HandshakeVerdict handshake(String chargePointId, OcppVersion version, String password, boolean tls) {
        HandshakeDecision decision = guarded(
                () -> calls.handshake(new HandshakeRequest(chargePointId, version.subprotocol(), password, tls)));
        return new HandshakeVerdict(decision.accepted(), decision.reason());
    }

    @Override
    public BootOutcome boot(String chargePointId, OcppVersion version, BootNotice notice) {
        BootDecision decision = guarded(() -> calls.boot(new BootRequest(
                chargePointId,
                version.subprotocol(),
                notice.vendor(),
                notice.model(),
                notice.serialNumber(),
                notice.firmwareVersion(),
                notice.reason())));
        BootStatus status;
        try {
            status = BootStatus.fromOcppName(decision.status());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CoreUnavailableException("core answered an unknown boot status " + decision.status(), e);
        }
        Instant now = decision.currentTime() != null ? decision.currentTime() : Instant.now();
        return new BootOutcome(
                status, Math.max(0, decision.intervalSeconds()), now.truncatedTo(ChronoUnit.MILLIS), false);
    }

    @Override
    public Authorization authorize(String chargePointId, String idToken, String tokenType) {
        AuthorizeDecision decision =
                guarded(() -> calls.authorize(new AuthorizeRequest(chargePointId, idToken, tokenType)));
        return new Authorization(
                AuthorizationStatus.fromName(decision.status()), decision.expiresAt(), decision.groupIdToken(), false);
    }

    @Override
    public TransactionStartOutcome startTransaction(String chargePointId, TransactionStart start) {
        TransactionStartDecision decision = guarded(() -> calls.startTransaction(new TransactionStartRequest(
                chargePointId,
                start.evseId(),
                start.connectorId(),
                start.idToken(),
                start.meterStartWh(),
                start.startedAt(),
                start.chargerTransactionId())));
        AuthorizeDecision token = decision.authorization();
        Authorization authorization = token == null
                ? new Authorization(AuthorizationStatus.UNKNOWN, null, null, false)
                : new Authorization(
                        AuthorizationStatus.fromName(token.status()), token.expiresAt(), token.groupIdToken(), false);
        return new TransactionStartOutcome(decision.transactionId(), authorization, false);
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new CoreUnavailableException(e.getMessage(), e);
        }
    }
}
