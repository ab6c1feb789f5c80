package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.load.AllocationView;
import io.depotops.core.application.load.LoadManagementService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A site's load allocation: the current one (inputs, mode, each EVSE's limit and what bound it) and
 * its history (ADR 0017, 0023).
 */
@Path("/api/v1/workspaces/{workspaceId}/sites/{id}/allocation")
@Tag(name = "Load management")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SiteAllocationResource {

    static final int MAX_HISTORY = 500;
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final LoadManagementService loads;
    private final WorkspaceAccess access;

    SiteAllocationResource(LoadManagementService loads, WorkspaceAccess access) {
        this.loads = loads;
        this.access = access;
    }

    @GET
    public AllocationView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return loads.allocation(access.require(workspaceId), id);
    }

    /**
     * The allocations from {@code from} (default: 24 h before {@code to}) to {@code to} (default:
     * now), newest first, at most {@code limit} (default and most: 500).
     */
    @GET
    @Path("/history")
    public List<AllocationView> history(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit) {
        UUID workspace = access.require(workspaceId);
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "must be before to");
        }
        if (limit != null && (limit < 1 || limit > MAX_HISTORY)) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_HISTORY);
        }
        return loads.history(workspace, id, start, end, limit == null ? MAX_HISTORY : limit);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-29T12:00:00Z");
        }
    }
}
