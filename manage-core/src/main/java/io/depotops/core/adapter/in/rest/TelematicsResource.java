package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.TelematicsQueryService;
import io.depotops.core.application.TelematicsQueryService.Freshness;
import io.depotops.core.application.TelematicsQueryService.VehicleTelemetry;
import io.depotops.core.domain.TelematicsObservation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Telematics")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class TelematicsResource {

    private final TelematicsQueryService telematics;
    private final WorkspaceAccess access;

    TelematicsResource(TelematicsQueryService telematics, WorkspaceAccess access) {
        this.telematics = telematics;
        this.access = access;
    }

    @GET
    @Path("/vehicles/{id}/telematics")
    @Operation(summary = "The vehicle's latest accepted observation and how old it is")
    public VehicleTelemetry latest(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return telematics
                .latest(access.require(workspaceId), id, Instant.now())
                .orElseThrow(() -> new NotFoundException("telematics snapshot of vehicle", id));
    }

    @GET
    @Path("/vehicles/{id}/telematics/history")
    @Operation(summary = "Accepted observations in [from, to), newest first (default: the last 24 h)")
    public List<TelematicsObservation> history(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        return telematics.history(access.require(workspaceId), id, instant("from", from), instant("to", to), limit);
    }

    @GET
    @Path("/telematics/freshness")
    @Operation(summary = "How many vehicles reported within the freshness target, per workspace or depot")
    public Freshness freshness(@PathParam("workspaceId") UUID workspaceId, @QueryParam("depotId") UUID depotId) {
        return telematics.freshness(access.require(workspaceId), depotId, Instant.now());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }
}
