package io.depotops.connect.adapter.out.registry;

import io.depotops.contracts.registry.RegistryEntryV1;
import io.depotops.contracts.registry.RegistryPageV1;
import io.depotops.contracts.registry.RegistryPaths;
import io.depotops.platform.serviceauth.CallsService;
import io.depotops.platform.serviceauth.ServiceTokenClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Core's registry feed on core's internal listener ({@code quarkus.rest-client.core.url}), each
 * call with connect's service token (ADR 0008).
 */
@RegisterRestClient(configKey = "core")
@RegisterProvider(ServiceTokenClientFilter.class)
@CallsService("manage-core")
@Path(RegistryPaths.BASE)
@Produces(MediaType.APPLICATION_JSON)
public interface CoreRegistryClient {

    @GET
    @Path(RegistryPaths.CHANGES)
    RegistryPageV1 changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    @GET
    @Path(RegistryPaths.CHARGER)
    RegistryEntryV1 charger(@PathParam("chargePointId") String chargePointId);

    @GET
    @Path(RegistryPaths.ID_TOKEN)
    RegistryEntryV1 idToken(@PathParam("workspaceId") UUID workspaceId, @PathParam("idToken") String idToken);
}
