package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.SiteService;
import io.depotops.core.application.SiteService.SiteDraft;
import io.depotops.core.domain.Site;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/sites")
@Tag(name = "Sites")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SiteResource {

    public record SiteRequest(
            @NotNull UUID depotId,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive @DecimalMax("100000") BigDecimal gridCapacityKw) {

        SiteDraft toDraft() {
            return new SiteDraft(depotId, name, gridCapacityKw);
        }
    }

    public record SiteView(
            UUID id, UUID depotId, String name, BigDecimal gridCapacityKw, Instant createdAt, long version) {

        static SiteView of(Site site) {
            return new SiteView(
                    site.id(), site.depotId(), site.name(), site.gridCapacityKw(), site.createdAt(), site.version());
        }
    }

    private final SiteService sites;
    private final WorkspaceAccess access;

    SiteResource(SiteService sites, WorkspaceAccess access) {
        this.sites = sites;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull SiteRequest request, UriInfo uri) {
        Site site = sites.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, site.id(), site.version(), SiteView.of(site));
    }

    @GET
    public PageView<SiteView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("depotId") String depotId) {
        return PageView.of(
                sites.list(access.require(workspaceId), params.toQuery(Map.of("depotId", nullToEmpty(depotId)))),
                SiteView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        Site site = sites.get(access.require(workspaceId), id);
        return Etags.ok(site.version(), SiteView.of(site));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SiteRequest request) {
        Site site = sites.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(site.version(), SiteView.of(site));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        sites.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
