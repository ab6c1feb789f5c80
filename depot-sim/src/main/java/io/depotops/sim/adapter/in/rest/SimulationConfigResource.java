package io.depotops.sim.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sim.application.config.ConfigService;
import io.depotops.sim.application.config.StoredConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's simulation configs: a document as the published schema describes it ({@code GET
 * /api/v1/simulation-config/schema}), every change a new version, older versions kept.
 */
@Path("/api/v1/workspaces/{workspaceId}/simulation-configs")
@Tag(name = "Simulation configs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SimulationConfigResource {

    public record ConfigView(
            UUID id,
            String name,
            int version,
            Instant createdAt,
            Instant updatedAt,

            @Schema(type = SchemaType.OBJECT, description = "the document, as simulation-config-v1.schema.json")
            JsonNode document) {}

    public record ConfigSummary(UUID id, String name, int version, Instant updatedAt) {}

    private final ConfigService configs;
    private final WorkspaceAccess access;
    private final ObjectMapper json;

    SimulationConfigResource(ConfigService configs, WorkspaceAccess access, ObjectMapper json) {
        this.configs = configs;
        this.access = access;
        this.json = json;
    }

    @APIResponse(
            responseCode = "201",
            description = "Stored as version 1",
            content = @Content(schema = @Schema(implementation = ConfigView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT))) @NotNull JsonNode document,
            UriInfo uri) {
        StoredConfig stored = configs.create(access.require(workspaceId), text(document));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(stored.id().toString())
                        .build())
                .entity(view(stored))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public ConfigView update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT))) @NotNull JsonNode document) {
        return view(configs.update(access.require(workspaceId), id, text(document)));
    }

    @GET
    public List<ConfigSummary> list(@PathParam("workspaceId") UUID workspaceId) {
        return configs.list(access.require(workspaceId)).stream()
                .map(c -> new ConfigSummary(c.id(), c.name(), c.version(), c.updatedAt()))
                .toList();
    }

    @GET
    @Path("/{id}")
    public ConfigView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return view(configs.get(access.require(workspaceId), id));
    }

    @GET
    @Path("/{id}/versions/{version}")
    public ConfigView version(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version) {
        return view(configs.get(access.require(workspaceId), id, version));
    }

    private String text(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfigView view(StoredConfig stored) {
        try {
            return new ConfigView(
                    stored.id(),
                    stored.name(),
                    stored.version(),
                    stored.createdAt(),
                    stored.updatedAt(),
                    json.readTree(stored.documentJson()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
