package io.depotops.sim.adapter.in.rest;

import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.application.NotFoundException;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.application.run.RunRecord;
import io.depotops.sim.application.run.RunService;
import io.depotops.sim.domain.engine.LiveState;
import io.depotops.sim.domain.engine.RunReport;
import io.depotops.sim.domain.engine.Simulation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs of a stored config: create (paused at the config's start), start (real time x speed),
 * pause, step (virtual time at once, while not running), stop; the live state; the report, kept
 * after the run; agent actions on a live run.
 */
@Path("/api/v1/workspaces/{workspaceId}/simulation-runs")
@Tag(name = "Simulation runs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SimulationRunResource {

    /** A run of a config's current version unless {@code configVersion} names one; the config's seed unless given. */
    public record RunRequest(
            @NotNull UUID configId,
            @Min(1) @Max(Integer.MAX_VALUE) Integer configVersion,
            @Min(0) Long seed,

            @Schema(description = "virtual seconds per real second", defaultValue = "1")
            @Min(1)
            @Max(RunService.FASTEST)
            Integer speed,

            @Schema(description = "drive the real suite: chargers as OCPP clients of connect, registered in core")
            @Valid
            SuiteRequest suite) {}

    /**
     * The run drives the suite configured for this service. {@code register} (default true):
     * depot, chargers and vehicles are registered in core's workspace of the run with {@code token}
     * (default: the caller's own) and removed at the end when {@code removeAtEnd}; otherwise they
     * are registered already under {@code chargePointPrefix} and chargers present {@code
     * chargerPassword}.
     */
    public record SuiteRequest(
            Boolean register,
            Boolean removeAtEnd,
            @Size(max = 8192) String token,
            @Pattern(regexp = "[A-Za-z0-9-]{1,12}") String chargePointPrefix,

            @Size(min = 16, max = 40) @Pattern(regexp = "[!-~]+")
            String chargerPassword,

            @Schema(
                    description = "register the site tree and a meter per node in sitepwrmon and publish each"
                            + " node's load over MQTT at the meter interval (needs register)")
            Boolean meters,

            @Schema(description = "stream the vehicles' state to telematics as this provider client") @Valid
            TelematicsRequest telematics) {}

    /** A stream client configured in telematics: its provider (the path) and its token. */
    public record TelematicsRequest(
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,50}") String provider,
            @NotNull @Size(min = 1, max = 8192) String token) {}

    public record SuiteView(
            int chargers,
            int chargersAccepted,
            int registered,
            int removed,
            long callsSent,
            long callsGivenUp,
            long queuedWhileOffline,
            long meterReadingsPublished,
            long vehicleUpdatesSent,
            long vehicleUpdatesAcknowledged,
            List<String> problems) {}

    public record RunView(
            UUID id,
            UUID configId,
            int configVersion,
            long seed,
            int speed,

            @Schema(enumeration = {"CREATED", "RUNNING", "PAUSED", "FINISHED", "STOPPED", "INTERRUPTED"})
            String state,

            Instant createdAt,
            @Schema(nullable = true) Instant endedAt) {

        static RunView of(RunRecord run) {
            return new RunView(
                    run.id(),
                    run.configId(),
                    run.configVersion(),
                    run.seed(),
                    run.speed(),
                    run.state(),
                    run.createdAt(),
                    run.endedAt());
        }
    }

    public record StepRequest(
            @Schema(description = "ISO-8601 duration of virtual time, at most P7D", example = "PT1H")
            @NotBlank
            @Size(max = 40)
            String duration) {}

    public enum ActionType {
        PLUG,
        UNPLUG,
        FAULT,
        RECOVER,
        DROP_LINK,
        CHANGE_LIMIT
    }

    /**
     * PLUG (vehicleId, chargerId optional), UNPLUG (vehicleId), FAULT / RECOVER / DROP_LINK
     * (chargerId), CHANGE_LIMIT (nodeId, limitKw; without limitKw the config's limits apply again).
     */
    public record ActionRequest(
            @NotNull ActionType type,
            @Size(max = 100) String vehicleId,
            @Size(max = 100) String chargerId,
            @Size(max = 100) String nodeId,
            @DecimalMin("0") @DecimalMax("1000000") Double limitKw) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final RunService runs;
    private final WorkspaceAccess access;
    private final JsonWebToken caller;

    SimulationRunResource(RunService runs, WorkspaceAccess access, JsonWebToken caller) {
        this.runs = runs;
        this.access = access;
        this.caller = caller;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created, paused at the config's start",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull RunRequest request, UriInfo uri) {
        UUID workspace = access.require(workspaceId);
        RunRecord run = runs.create(
                workspace,
                request.configId(),
                request.configVersion(),
                request.seed(),
                request.speed(),
                request.suite() == null ? null : target(workspace, request.suite()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(run.id().toString()).build())
                .entity(RunView.of(run))
                .build();
    }

    @GET
    public List<RunView> list(@PathParam("workspaceId") UUID workspaceId) {
        return runs.list(access.require(workspaceId)).stream().map(RunView::of).toList();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return RunView.of(runs.get(access.require(workspaceId), id));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RunView start(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return RunView.of(runs.start(access.require(workspaceId), id));
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RunView pause(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return RunView.of(runs.pause(access.require(workspaceId), id));
    }

    @POST
    @Path("/{id}/step")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RunView step(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @Valid @NotNull StepRequest request) {
        Duration step;
        try {
            step = Duration.parse(request.duration());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("duration", "is not an ISO-8601 duration (e.g. PT1H)");
        }
        return RunView.of(runs.step(access.require(workspaceId), id, step));
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RunView stop(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return RunView.of(runs.stop(access.require(workspaceId), id));
    }

    @GET
    @Path("/{id}/live")
    public LiveState live(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return runs.liveState(access.require(workspaceId), id);
    }

    @APIResponse(
            responseCode = "200",
            description = "How the run's connection to the suite is doing",
            content = @Content(schema = @Schema(implementation = SuiteView.class)))
    @GET
    @Path("/{id}/suite")
    public SuiteView suite(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        DepotSuite.Status status = runs.suiteStatus(access.require(workspaceId), id)
                .orElseThrow(() -> new NotFoundException("suite connection of run", id));
        return new SuiteView(
                status.chargers(),
                status.chargersAccepted(),
                status.registered(),
                status.removed(),
                status.callsSent(),
                status.callsGivenUp(),
                status.queuedWhileOffline(),
                status.meterReadingsPublished(),
                status.vehicleUpdatesSent(),
                status.vehicleUpdatesAcknowledged(),
                status.problems());
    }

    @GET
    @Path("/{id}/report")
    public RunReport report(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return runs.report(access.require(workspaceId), id);
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public LiveState act(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @Valid @NotNull ActionRequest request) {
        return runs.act(access.require(workspaceId), id, action(request));
    }

    private DepotSuite.Target target(UUID workspaceId, SuiteRequest suite) {
        boolean register = suite.register() == null || suite.register();
        String prefix = suite.chargePointPrefix() != null ? suite.chargePointPrefix() : randomText(5) + "-";
        String password = suite.chargerPassword();
        if (password == null) {
            if (!register) {
                throw new InvalidInputException(
                        "suite.chargerPassword", "is required when the chargers are registered already");
            }
            password = randomText(24);
        }
        String token = suite.token() != null ? suite.token() : caller.getRawToken();
        boolean meters = Boolean.TRUE.equals(suite.meters());
        if (meters && !register) {
            throw new InvalidInputException("suite.meters", "needs register: the meters hang under the run's site");
        }
        return new DepotSuite.Target(
                workspaceId,
                token,
                register,
                Boolean.TRUE.equals(suite.removeAtEnd()),
                prefix,
                password,
                meters,
                suite.telematics() == null ? null : suite.telematics().provider(),
                suite.telematics() == null ? null : suite.telematics().token());
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(PASSWORD_CHARACTERS.charAt(RANDOM.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return text.toString();
    }

    private static Consumer<Simulation> action(ActionRequest request) {
        return switch (request.type()) {
            case PLUG -> run -> run.plug(required("vehicleId", request.vehicleId()), request.chargerId());
            case UNPLUG -> run -> run.unplug(required("vehicleId", request.vehicleId()));
            case FAULT -> run -> run.fault(required("chargerId", request.chargerId()));
            case RECOVER -> run -> run.recover(required("chargerId", request.chargerId()));
            case DROP_LINK -> run -> run.dropLink(required("chargerId", request.chargerId()));
            case CHANGE_LIMIT -> run -> run.changeLimit(required("nodeId", request.nodeId()), request.limitKw());
        };
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required for this action");
        }
        return value;
    }
}
