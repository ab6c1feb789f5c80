package io.depotops.platform.serviceauth;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/** Enforces {@link InternalApi#callers()} on the caller the internal listener verified. */
@Provider
@InternalApi
@Priority(Priorities.AUTHORIZATION)
public class InternalCallerCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    RoutingContext routing;

    @Override
    public void filter(ContainerRequestContext request) {
        String caller = routing == null ? null : routing.get(InternalListener.CALLER);
        InternalApi api = resource.getResourceMethod().getAnnotation(InternalApi.class);
        if (api == null) {
            api = resource.getResourceClass().getAnnotation(InternalApi.class);
        }
        if (caller == null || api == null || Arrays.stream(api.callers()).noneMatch(caller::equals)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This internal endpoint is not for this caller");
        }
    }
}
