package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.corelink.AuthorizeDecision;
import io.depotops.contracts.corelink.AuthorizeRequest;
import io.depotops.contracts.corelink.BootDecision;
import io.depotops.contracts.corelink.BootRequest;
import io.depotops.contracts.corelink.CoreLinkPaths;
import io.depotops.contracts.corelink.HandshakeDecision;
import io.depotops.contracts.corelink.HandshakeRequest;
import io.depotops.contracts.corelink.TransactionStartDecision;
import io.depotops.contracts.corelink.TransactionStartRequest;
import io.depotops.core.application.CoreLinkService;
import io.depotops.core.application.CoreLinkService.Authorization;
import io.depotops.core.application.CoreLinkService.Boot;
import io.depotops.core.application.CoreLinkService.Handshake;
import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.Started;
import io.depotops.platform.serviceauth.InternalApi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What manage-connect asks for a charger that waits (contract in shared-contracts). Served only on
 * the internal listener, to manage-connect's service token (ADR 0008).
 */
@Path(CoreLinkPaths.BASE)
@Tag(name = "Core link (internal)")
@PermitAll
@InternalApi(callers = "manage-connect")
public class CoreLinkResource {

    private final CoreLinkService coreLink;
    private final TransactionService transactions;

    CoreLinkResource(CoreLinkService coreLink, TransactionService transactions) {
        this.coreLink = coreLink;
        this.transactions = transactions;
    }

    /** Starts a transaction (idempotent for the same charger, connector and start time). */
    @POST
    @Path(CoreLinkPaths.TRANSACTIONS)
    public TransactionStartDecision startTransaction(TransactionStartRequest request) {
        requireChargePoint(request == null ? null : request.chargePointId());
        if (request.startedAt() == null) {
            throw new InvalidInputException("startedAt", "is required");
        }
        if (request.evseId() < 1 || request.connectorId() < 1) {
            throw new InvalidInputException("evseId", "EVSE and connector ids start at 1");
        }
        Started started = transactions.start(
                request.chargePointId(),
                request.evseId(),
                request.connectorId(),
                request.idToken(),
                request.meterStartWh(),
                request.startedAt(),
                request.chargerTransactionId());
        Authorization authorization = started.authorization();
        return new TransactionStartDecision(
                started.transactionId(),
                new AuthorizeDecision(authorization.status(), null, null, authorization.vehicleId()));
    }

    @POST
    @Path(CoreLinkPaths.HANDSHAKE)
    public HandshakeDecision handshake(HandshakeRequest request) {
        requireChargePoint(request == null ? null : request.chargePointId());
        Handshake decision = coreLink.handshake(request.chargePointId(), request.password(), request.tls());
        return decision.accepted() ? HandshakeDecision.accept() : HandshakeDecision.reject(decision.reason());
    }

    @POST
    @Path(CoreLinkPaths.BOOT)
    public BootDecision boot(BootRequest request) {
        requireChargePoint(request == null ? null : request.chargePointId());
        Boot boot = coreLink.boot(request.chargePointId(), request.firmwareVersion(), request.serialNumber());
        return new BootDecision(boot.status().name(), boot.intervalSeconds(), boot.currentTime());
    }

    @POST
    @Path(CoreLinkPaths.AUTHORIZE)
    public AuthorizeDecision authorize(AuthorizeRequest request) {
        requireChargePoint(request == null ? null : request.chargePointId());
        if (request.idToken() == null || request.idToken().isBlank()) {
            throw new InvalidInputException("idToken", "is required");
        }
        Authorization authorization = coreLink.authorize(request.chargePointId(), request.idToken());
        return new AuthorizeDecision(authorization.status(), null, null, authorization.vehicleId());
    }

    private static void requireChargePoint(String chargePointId) {
        if (chargePointId == null || chargePointId.isBlank()) {
            throw new InvalidInputException("chargePointId", "is required");
        }
    }
}
