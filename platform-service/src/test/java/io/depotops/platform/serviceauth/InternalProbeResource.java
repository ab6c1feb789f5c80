package io.depotops.platform.serviceauth;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

/** An internal endpoint for manage-connect only. */
@Path("/internal/v1/probe")
@PermitAll
@InternalApi(callers = "manage-connect")
public class InternalProbeResource {

    @GET
    public String caller(@Context RoutingContext routing) {
        return routing.get(InternalListener.CALLER);
    }
}
