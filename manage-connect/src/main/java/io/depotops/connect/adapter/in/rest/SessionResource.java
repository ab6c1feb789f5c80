package io.depotops.connect.adapter.in.rest;

import io.depotops.connect.application.OcppSessions;
import io.depotops.connect.application.SessionView;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Operators: the charger sessions this instance holds. (No auth yet: see the README.) */
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

    public SessionResource(OcppSessions sessions) {
        this.sessions = sessions;
    }

    @GET
    public List<SessionDto> list() {
        return sessions.list().stream().map(SessionDto::of).toList();
    }

    @GET
    @Path("/{chargePointId}")
    public SessionDto get(@PathParam("chargePointId") String chargePointId) {
        return sessions.find(chargePointId)
                .map(SessionDto::of)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No session of " + chargePointId + " on this instance"));
    }
}
