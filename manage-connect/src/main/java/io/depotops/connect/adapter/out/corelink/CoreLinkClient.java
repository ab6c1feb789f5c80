package io.depotops.connect.adapter.out.corelink;

import io.depotops.contracts.corelink.AuthorizeDecision;
import io.depotops.contracts.corelink.AuthorizeRequest;
import io.depotops.contracts.corelink.BootDecision;
import io.depotops.contracts.corelink.BootRequest;
import io.depotops.contracts.corelink.CoreLinkPaths;
import io.depotops.contracts.corelink.HandshakeDecision;
import io.depotops.contracts.corelink.HandshakeRequest;
import io.depotops.contracts.corelink.TransactionStartDecision;
import io.depotops.contracts.corelink.TransactionStartRequest;
import io.depotops.platform.serviceauth.CallsService;
import io.depotops.platform.serviceauth.ServiceTokenClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * manage-core's core-link endpoints on core's internal listener ({@code
 * quarkus.rest-client.core.url}), each call with connect's service token.
 */
@RegisterRestClient(configKey = "core")
@RegisterProvider(ServiceTokenClientFilter.class)
@CallsService("manage-core")
@Path(CoreLinkPaths.BASE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CoreLinkClient {

    @POST
    @Path(CoreLinkPaths.HANDSHAKE)
    HandshakeDecision handshake(HandshakeRequest request);

    @POST
    @Path(CoreLinkPaths.BOOT)
    BootDecision boot(BootRequest request);

    @POST
    @Path(CoreLinkPaths.AUTHORIZE)
    AuthorizeDecision authorize(AuthorizeRequest request);

    @POST
    @Path(CoreLinkPaths.TRANSACTIONS)
    TransactionStartDecision startTransaction(TransactionStartRequest request);
}
