package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.incident.IncidentUpdates;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live incident changes of one workspace as server-sent events: each event is named by its type
 * ({@code incidents.incident.opened.v1}, {@code ...acknowledged.v1}, {@code ...resolved.v1}),
 * carries the event id and the event's data as JSON. A stream ends after {@code
 * depotops.incidents.stream.max-duration} (clients reconnect, as EventSource does by itself), so
 * no connection is held forever by a proxy or a forgotten tab; a comment every 15 s keeps it alive.
 */
@Path("/api/v1/workspaces/{workspaceId}/incidents/stream")
@Tag(name = "Incidents")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class IncidentStreamResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final IncidentUpdates updates;
    private final WorkspaceAccess access;
    private final Duration maxDuration;

    IncidentStreamResource(
            IncidentUpdates updates,
            WorkspaceAccess access,
            @ConfigProperty(name = "depotops.incidents.stream.max-duration", defaultValue = "5m")
                    Duration maxDuration) {
        this.updates = updates;
        this.access = access;
        this.maxDuration = maxDuration;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@PathParam("workspaceId") UUID workspaceId, @Context Sse sse) {
        UUID workspace = access.require(workspaceId);
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            AutoCloseable watching = updates.watch(
                    workspace,
                    update -> emitter.emit(sse.newEventBuilder()
                            .name(update.type())
                            .id(update.id())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(String.class, update.json())
                            .build()));
            emitter.onTermination(() -> {
                try {
                    watching.close();
                } catch (Exception e) {
                    // nothing held beyond the watcher entry
                }
            });
        });
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom()
                .ticks()
                .every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(changes, keepAlive).select().first(maxDuration);
    }
}
