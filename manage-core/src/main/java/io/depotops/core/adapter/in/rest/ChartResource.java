package io.depotops.core.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.chart.ChartReadings.Scope;
import io.depotops.core.application.chart.ChartService;
import io.depotops.core.application.chart.ChartService.Metric;
import io.depotops.core.application.chart.ChartService.Series;
import io.depotops.core.application.chart.ChartService.Window;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Chart data for the web frontend: series of {@code [epochMillis, value]} a charting library takes
 * as is, reduced on the server to at most {@code points} points.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Charts")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ChartResource {

    @Schema(
            name = "ChartSeries",
            description = "A chart series; `series` holds [epoch milliseconds, value] pairs in time order")
    public record ChartView(
            String metric,
            String unit,
            Instant from,
            Instant to,

            @Schema(
                    nullable = true,
                    description = "width of the buckets meter samples were summed in; null for raw samples")
            Duration bucket,

            @Schema(description = "points before downsampling")
            int rawPoints,

            @Schema(example = "[[1795939200000, 42.5], [1795939260000, 44.1]]")
            List<Point> series) {

        static ChartView of(Series s) {
            return new ChartView(
                    s.metric().name().toLowerCase(),
                    s.unit(),
                    s.from(),
                    s.to(),
                    s.bucket(),
                    s.rawPoints(),
                    s.points().stream()
                            .map(p -> new Point(p.at().toEpochMilli(), p.value()))
                            .toList());
        }
    }

    /** One point as the pair {@code [epochMillis, value]} charting libraries take. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"time", "value"})
    @Schema(
            name = "ChartPoint",
            type = SchemaType.ARRAY,
            description = "[time in epoch milliseconds, value in the series' unit]",
            example = "[1795939200000, 42.5]")
    public record Point(long time, double value) {}

    private final ChartService charts;
    private final WorkspaceAccess access;
    private final Clock clock;

    ChartResource(ChartService charts, WorkspaceAccess access, Clock clock) {
        this.charts = charts;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("/depots/{id}/charts/power")
    @Operation(summary = "Power (kW) drawn by the depot's chargers in [from, to) (default: the last 24 h)")
    public ChartView depotPower(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant") String to,
            @QueryParam("points") @Parameter(description = "at most this many points, 2-5000 (default 500)")
                    Integer points) {
        return metered(workspaceId, Scope.DEPOT, id, Metric.POWER, from, to, points);
    }

    @GET
    @Path("/depots/{id}/charts/energy")
    @Operation(summary = "Energy (kWh) delivered by the depot's chargers since `from`, cumulative")
    public ChartView depotEnergy(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        return metered(workspaceId, Scope.DEPOT, id, Metric.ENERGY, from, to, points);
    }

    @GET
    @Path("/chargers/{id}/charts/power")
    @Operation(summary = "Power (kW) drawn through the charger in [from, to)")
    public ChartView chargerPower(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        return metered(workspaceId, Scope.CHARGER, id, Metric.POWER, from, to, points);
    }

    @GET
    @Path("/chargers/{id}/charts/energy")
    @Operation(summary = "Energy (kWh) delivered through the charger since `from`, cumulative")
    public ChartView chargerEnergy(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        return metered(workspaceId, Scope.CHARGER, id, Metric.ENERGY, from, to, points);
    }

    @GET
    @Path("/vehicles/{id}/charts/power")
    @Operation(summary = "Power (kW) the vehicle charged with in [from, to)")
    public ChartView vehiclePower(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        return metered(workspaceId, Scope.VEHICLE, id, Metric.POWER, from, to, points);
    }

    @GET
    @Path("/vehicles/{id}/charts/energy")
    @Operation(summary = "Energy (kWh) the vehicle took since `from`, cumulative")
    public ChartView vehicleEnergy(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        return metered(workspaceId, Scope.VEHICLE, id, Metric.ENERGY, from, to, points);
    }

    @GET
    @Path("/vehicles/{id}/charts/soc")
    @Operation(summary = "The vehicle's state of charge (%) from its telematics history in [from, to)")
    public ChartView vehicleStateOfCharge(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("points") Integer points) {
        UUID workspace = access.require(workspaceId);
        return ChartView.of(charts.stateOfCharge(workspace, id, window(from, to, points)));
    }

    private ChartView metered(
            UUID workspaceId, Scope scope, UUID id, Metric metric, String from, String to, Integer points) {
        UUID workspace = access.require(workspaceId);
        return ChartView.of(charts.metered(workspace, scope, id, metric, window(from, to, points)));
    }

    private Window window(String from, String to, Integer points) {
        return Window.of(instant("from", from), instant("to", to), points, clock);
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
