package io.depotops.incidents.adapter.in.rest;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Live incident changes as server-sent events, one workspace's stream seeing only its own. */
@QuarkusTest
class IncidentStreamTest {

    @Inject
    ConfirmingPublisher publisher;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Opens the workspace's stream; its lines are collected as they arrive. */
    private List<String> open(String workspace, String token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/v1/workspaces/" + workspace + "/incidents/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines.add("status " + r.statusCode());
            r.body().forEach(lines::add);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        return lines;
    }

    @Test
    void aWatcherSeesItsWorkspacesIncidentsOpenAndBeAcknowledged() throws Exception {
        String workspace = newWorkspace();
        String other = newWorkspace();
        install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        // Streams end after 5 s in tests (clients reconnect): opened right before each change.
        List<String> mine = open(workspace, token("viewer", workspace));
        List<String> theirs = open(other, token("viewer", other));
        assertThat(mine.getFirst()).isEqualTo("status 200");
        connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                cp,
                Map.of("chargePointId", cp, "type", "TamperDetectionActivated"));
        Map<String, Object> incident = awaitIncident(workspace, i -> true);
        String id = (String) incident.get("id");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> mine.contains("event:" + EventTypes.INCIDENTS_INCIDENT_OPENED_V1)
                        || mine.contains("event: " + EventTypes.INCIDENTS_INCIDENT_OPENED_V1));
        assertThat(mine).anyMatch(line -> line.startsWith("data:") && line.contains(id));

        List<String> again = open(workspace, token("viewer", workspace));
        as(token("operator", workspace))
                .post("/api/v1/workspaces/{ws}/incidents/{id}/acknowledge", workspace, id)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        again.stream().anyMatch(line -> line.contains(EventTypes.INCIDENTS_INCIDENT_ACKNOWLEDGED_V1)));
        assertThat(theirs).noneMatch(line -> line.contains(id));
    }

    @Test
    void anotherWorkspacesStreamIsNotFoundAndATokenIsRequired() throws Exception {
        String workspace = newWorkspace();
        HttpResponse<Void> foreign = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/workspaces/" + workspace + "/incidents/stream"))
                        .header("Authorization", "Bearer " + token("viewer", newWorkspace()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<Void> anonymous = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/workspaces/" + workspace + "/incidents/stream"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
