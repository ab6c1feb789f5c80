package io.depotops.connect.adapter.in.rest;

import io.depotops.connect.adapter.in.ChargePointIdentity;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.session.OcppSessions;
import io.depotops.connect.application.session.SessionView;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import io.depotops.platform.security.WorkspaceGrants;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Operators: the charger sessions this instance holds, of the workspaces the caller's token grants
 * (a charger of another workspace answers 404, as if it were not connected).
 */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** A session as JSON. */
    public record SessionDto(
            String chargePointId,
            String ocppVersion,
            String sessionId,
            String remoteAddress,
            Instant connectedAt,
            Instant lastMessageAt,
            String bootStatus) {

        static SessionDto of(SessionView view) {
            return new SessionDto(
                    view.chargePointId(),
                    view.version().subprotocol(),
                    view.sessionId(),
                    view.remoteAddress(),
                    view.connectedAt(),
                    view.lastMessageAt(),
                    view.bootStatus());
        }
    }

    private final OcppSessions sessions;
    private final ChargerService chargers;
    private final JsonWebToken user;

    public SessionResource(OcppSessions sessions, ChargerService chargers, JsonWebToken user) {
        this.sessions = sessions;
        this.chargers = chargers;
        this.user = user;
    }

    @GET
    public List<SessionDto> list() {
        WorkspaceGrants grants = WorkspaceGrants.of(user);
        return sessions.list().stream()
                .filter(view -> visible(grants, view.chargePointId()))
                .map(SessionDto::of)
                .toList();
    }

    @GET
    @Path("/{chargePointId}")
    public SessionDto get(
            @PathParam("chargePointId") @Pattern(regexp = ChargePointIdentity.REGEX) String chargePointId) {
        WorkspaceGrants grants = WorkspaceGrants.of(user);
        return sessions.find(chargePointId)
                .filter(view -> visible(grants, view.chargePointId()))
                .map(SessionDto::of)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No session of " + chargePointId + " on this instance"));
    }

    private boolean visible(WorkspaceGrants grants, String chargePointId) {
        return chargers.workspaceOf(chargePointId).filter(grants::allows).isPresent();
    }
}
