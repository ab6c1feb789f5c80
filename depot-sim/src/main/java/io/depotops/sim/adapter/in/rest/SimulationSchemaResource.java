package io.depotops.sim.adapter.in.rest;

import io.depotops.sim.application.config.ConfigService;
import io.depotops.sim.application.port.ExampleConfigs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published config schema and the ready examples, the same for every workspace. */
@Path("/api/v1/simulation-config")
@Tag(name = "Simulation configs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SimulationSchemaResource {

    public record ExampleSummary(String name, String href) {}

    private final ConfigService configs;

    SimulationSchemaResource(ConfigService configs) {
        this.configs = configs;
    }

    @APIResponse(
            responseCode = "200",
            description = "JSON Schema 2020-12 of a simulation config",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("/schema")
    @Produces(MediaType.APPLICATION_JSON)
    public Response schema() {
        return Response.ok(configs.schema(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/examples")
    public List<ExampleSummary> examples() {
        return configs.examples().stream()
                .map(e -> new ExampleSummary(e.name(), "/api/v1/simulation-config/examples/" + e.name()))
                .toList();
    }

    @APIResponse(
            responseCode = "200",
            description = "The example config, ready to be stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("/examples/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response example(@PathParam("name") String name) {
        ExampleConfigs.Example example = configs.example(name);
        return Response.ok(example.documentJson(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
