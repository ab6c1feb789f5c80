package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.ApiKeyService;
import io.depotops.core.application.ApiKeyService.IssuedKey;
import io.depotops.core.domain.ApiKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/api-keys")
@Tag(name = "API keys")
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    public record ApiKeyRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String role) {}

    /** A key as listed: never its secret. */
    public record ApiKeyView(
            UUID id,
            String name,
            String prefix,
            String role,
            Instant createdAt,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true) Instant lastUsedAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(
                    key.id(), key.name(), key.prefix(), key.role(), key.createdAt(), key.revokedAt(), key.lastUsedAt());
        }
    }

    /** The answer to issuing a key: the only time {@code key} is shown. */
    public record IssuedKeyView(ApiKeyView apiKey, String key) {}

    private final ApiKeyService keys;
    private final WorkspaceAccess access;

    ApiKeyResource(ApiKeyService keys, WorkspaceAccess access) {
        this.keys = keys;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Issued; Location names the key",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class)))
    @POST
    @Operation(summary = "Issue a key; the response is the only place its secret appears")
    public Response issue(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull ApiKeyRequest request, UriInfo uri) {
        IssuedKey issued = keys.issue(access.require(workspaceId), request.name(), request.role());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(issued.key().id().toString())
                        .build())
                .entity(new IssuedKeyView(ApiKeyView.of(issued.key()), issued.secret()))
                .build();
    }

    @GET
    public List<ApiKeyView> list(@PathParam("workspaceId") UUID workspaceId) {
        return keys.list(access.require(workspaceId)).stream()
                .map(ApiKeyView::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key: it stops working at once")
    public Response revoke(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        keys.revoke(access.require(workspaceId), id);
        return Response.noContent().build();
    }
}
