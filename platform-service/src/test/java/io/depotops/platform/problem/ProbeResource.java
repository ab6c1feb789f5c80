package io.depotops.platform.problem;

import io.depotops.contracts.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints that fail in each way a real one can, to check the answers. */
@Path("/probe")
@PermitAll
public class ProbeResource {

    public record Connector(@NotNull @Positive Integer connectorId) {}

    public record ChargerRequest(
            @NotBlank String chargePointId,
            @NotNull @Positive Double maxPowerKw,
            @Valid List<Connector> connectors) {}

    @POST
    @Path("/chargers")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChargerRequest create(@Valid @NotNull ChargerRequest request) {
        return request;
    }

    /** A reading with fields of each numeric width, for out-of-range numbers. */
    public record Reading(String note, long energyWh, Integer count) {}

    @POST
    @Path("/readings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reading reading(@NotNull Reading reading) {
        return reading;
    }

    @GET
    @Path("/items/{id}")
    public String item(@PathParam("id") String id, @QueryParam("q") String q, @QueryParam("since") UUID since) {
        return id;
    }

    @GET
    @Path("/list")
    public List<String> list(@QueryParam("limit") @Min(1) @Max(500) int limit, @QueryParam("offset") Long offset) {
        return List.of();
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(
                ProblemType.CONFLICT,
                "A charger with charge point id CP-1 exists",
                List.of(),
                Map.of("conflictingResource", "/api/v1/chargers/42"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
