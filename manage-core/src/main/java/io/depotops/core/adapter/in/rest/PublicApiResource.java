package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.adapter.in.rest.ChargerResource.ChargerView;
import io.depotops.core.adapter.in.rest.DepotResource.DepotView;
import io.depotops.core.adapter.in.rest.VehicleResource.VehicleView;
import io.depotops.core.application.ChargerService;
import io.depotops.core.application.DepotService;
import io.depotops.core.application.VehicleService;
import io.depotops.core.domain.ApiKey;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read access for fleet operators' own systems, with a workspace's API key. */
@Path("/public/v1")
@Tag(name = "Public API")
@PermitAll
public class PublicApiResource {

    private final PublicApiAuthentication authentication;
    private final DepotService depots;
    private final ChargerService chargers;
    private final VehicleService vehicles;

    PublicApiResource(
            PublicApiAuthentication authentication,
            DepotService depots,
            ChargerService chargers,
            VehicleService vehicles) {
        this.authentication = authentication;
        this.depots = depots;
        this.chargers = chargers;
        this.vehicles = vehicles;
    }

    @GET
    @Path("/depots")
    public PageView<DepotView> depots(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(PublicApiAuthentication.HEADER) String apiKey,
            @Valid @BeanParam ListParams params) {
        ApiKey key = authentication.require(authorization, apiKey);
        return PageView.of(depots.list(key.workspaceId(), params.toQuery(Map.of())), DepotView::of);
    }

    @GET
    @Path("/chargers")
    public PageView<ChargerView> chargers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(PublicApiAuthentication.HEADER) String apiKey,
            @Valid @BeanParam ListParams params,
            @QueryParam("siteId") String siteId,
            @QueryParam("status") String status) {
        ApiKey key = authentication.require(authorization, apiKey);
        Map<String, String> filters = Map.of("siteId", nullToEmpty(siteId), "status", nullToEmpty(status));
        return PageView.of(chargers.list(key.workspaceId(), params.toQuery(filters)), ChargerView::of);
    }

    @GET
    @Path("/chargers/{id}")
    public ChargerView charger(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(PublicApiAuthentication.HEADER) String apiKey,
            @PathParam("id") UUID id) {
        return ChargerView.of(
                chargers.get(authentication.require(authorization, apiKey).workspaceId(), id));
    }

    @GET
    @Path("/vehicles")
    public PageView<VehicleView> vehicles(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(PublicApiAuthentication.HEADER) String apiKey,
            @Valid @BeanParam ListParams params,
            @QueryParam("depotId") String depotId) {
        ApiKey key = authentication.require(authorization, apiKey);
        return PageView.of(
                vehicles.list(key.workspaceId(), params.toQuery(Map.of("depotId", nullToEmpty(depotId)))),
                VehicleView::of);
    }

    @GET
    @Path("/vehicles/{id}")
    public VehicleView vehicle(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(PublicApiAuthentication.HEADER) String apiKey,
            @PathParam("id") UUID id) {
        return VehicleView.of(
                vehicles.get(authentication.require(authorization, apiKey).workspaceId(), id));
    }
}
