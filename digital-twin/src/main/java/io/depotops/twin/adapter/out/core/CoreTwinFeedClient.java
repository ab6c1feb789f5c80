package io.depotops.twin.adapter.out.core;

import io.depotops.contracts.twin.DepotRefV1;
import io.depotops.contracts.twin.DepotSnapshotV1;
import io.depotops.contracts.twin.TwinFeedPaths;
import io.depotops.platform.serviceauth.CallsService;
import io.depotops.platform.serviceauth.ServiceTokenClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Core's twin feed on core's internal listener ({@code quarkus.rest-client.core.url}), each call
 * with digital-twin's service token (ADR 0008).
 */
@RegisterRestClient(configKey = "core")
@RegisterProvider(ServiceTokenClientFilter.class)
@CallsService("manage-core")
@Path(TwinFeedPaths.BASE)
@Produces(MediaType.APPLICATION_JSON)
public interface CoreTwinFeedClient {

    @GET
    @Path(TwinFeedPaths.DEPOTS)
    List<DepotRefV1> depots();

    @GET
    @Path(TwinFeedPaths.DEPOT)
    DepotSnapshotV1 depot(@PathParam("workspaceId") String workspaceId, @PathParam("depotId") String depotId);
}
