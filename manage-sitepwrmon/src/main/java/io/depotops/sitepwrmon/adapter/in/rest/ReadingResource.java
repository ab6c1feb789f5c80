package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.reading.IncomingReading;
import io.depotops.sitepwrmon.application.reading.IngestReport;
import io.depotops.sitepwrmon.application.reading.ReadingService;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.NodeLive;
import io.depotops.sitepwrmon.domain.reading.Quality;
import io.depotops.sitepwrmon.domain.reading.ReadingPoint;
import io.depotops.sitepwrmon.domain.reading.Resolution;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Readings: batch uploads (all or nothing; duplicates are counted, not stored twice), a node's
 * series in a resolution (raw, 1-minute or 15-minute rollups) in cursor pages, and its live load.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Readings")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ReadingResource {

    /** Watts or amperes per phase; a phase left out was not measured. */
    public record Phases(
            @Schema(nullable = true) @DecimalMin("-10000000") @DecimalMax("10000000")
            Double l1,

            @Schema(nullable = true) @DecimalMin("-10000000") @DecimalMax("10000000")
            Double l2,

            @Schema(nullable = true) @DecimalMin("-10000000") @DecimalMax("10000000")
            Double l3) {

        static Phases of(PhaseValues values) {
            return values == null || values.isEmpty() ? null : new Phases(values.l1(), values.l2(), values.l3());
        }

        static PhaseValues toDomain(Phases phases) {
            return phases == null ? PhaseValues.NONE : new PhaseValues(phases.l1, phases.l2, phases.l3);
        }
    }

    public record ReadingRequest(
            @NotNull @Pattern(regexp = MeterResource.METER_ID)
            String meterId,

            @NotNull Instant time,
            @Valid Phases powerW,
            @Valid Phases currentA,
            @DecimalMin("0") @DecimalMax("1e15") Double energyWh,
            Quality quality) {

        IncomingReading toIncoming() {
            return new IncomingReading(
                    meterId,
                    time,
                    Phases.toDomain(powerW),
                    Phases.toDomain(currentA),
                    energyWh,
                    quality == null ? Quality.GOOD : quality);
        }
    }

    public record UploadRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid ReadingRequest> readings) {}

    public record UploadResult(int stored, int duplicates) {}

    public record PointView(
            Instant time,
            @Schema(nullable = true) Phases powerW,
            @Schema(nullable = true) Phases currentA,
            @Schema(nullable = true) Phases maxCurrentA,
            @Schema(nullable = true) Double energyWh,
            int samples) {

        static PointView of(ReadingPoint point) {
            return new PointView(
                    point.time(),
                    Phases.of(point.powerW()),
                    Phases.of(point.currentA()),
                    Phases.of(point.maxCurrentA()),
                    point.energyWh(),
                    point.samples());
        }
    }

    public record SeriesPage(
            Resolution resolution,
            List<PointView> items,
            @Schema(nullable = true) String nextCursor) {}

    public record LiveView(
            @Schema(nullable = true) Instant time,
            @Schema(nullable = true) String meterId,
            @Schema(nullable = true) Double loadKw,
            @Schema(nullable = true) Phases powerW,
            @Schema(nullable = true) Phases currentA,
            @Schema(nullable = true) Double energyWh,
            @Schema(nullable = true) Quality quality,
            @Schema(nullable = true) String limitState) {}

    private final ReadingService readings;
    private final WorkspaceAccess access;

    ReadingResource(ReadingService readings, WorkspaceAccess access) {
        this.readings = readings;
        this.access = access;
    }

    @POST
    @Path("/readings")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public UploadResult upload(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull UploadRequest request) {
        IngestReport report = readings.upload(
                access.require(workspaceId),
                request.readings().stream().map(ReadingRequest::toIncoming).toList());
        return new UploadResult(report.stored(), report.duplicates());
    }

    @GET
    @Path("/nodes/{nodeId}/readings")
    public SeriesPage series(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("nodeId") UUID nodeId,
            @QueryParam("from") @NotNull @Size(max = 40) String from,
            @QueryParam("to") @NotNull @Size(max = 40) String to,
            @QueryParam("resolution") @DefaultValue("RAW") @Size(max = 20) String resolution,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        Resolution parsed = resolution(resolution);
        Page<ReadingPoint> page = readings.series(
                access.require(workspaceId),
                nodeId,
                instant("from", from),
                instant("to", to),
                parsed,
                cursor == null || cursor.isBlank() ? null : cursor,
                limit);
        return new SeriesPage(parsed, page.items().stream().map(PointView::of).toList(), page.nextCursor());
    }

    /** The node's latest reading (never moved back by a late one); all null before the first. */
    @GET
    @Path("/nodes/{nodeId}/load")
    public LiveView live(@PathParam("workspaceId") UUID workspaceId, @PathParam("nodeId") UUID nodeId) {
        return readings.live(access.require(workspaceId), nodeId)
                .map(ReadingResource::view)
                .orElse(new LiveView(null, null, null, null, null, null, null, null));
    }

    /** Parsed here, not by JAX-RS: an unknown value is the caller's mistake (400), not a missing resource. */
    private static Resolution resolution(String value) {
        try {
            return Resolution.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("resolution", "one of " + java.util.Arrays.toString(Resolution.values()));
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z");
        }
    }

    private static LiveView view(NodeLive live) {
        var r = live.reading();
        return new LiveView(
                r.time(),
                r.meterId(),
                r.powerKw(),
                Phases.of(r.powerW()),
                Phases.of(r.currentA()),
                r.energyWh(),
                r.quality(),
                live.state().name());
    }
}
