package io.depotops.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * What the incidents tests share: tokens, workspaces, rules installed through the API, and events
 * published on {@code depotops.events} as connect and core publish them.
 */
public final class IncidentFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private IncidentFixtures() {}

    public static String newWorkspace() {
        return UUID.randomUUID().toString();
    }

    public static String token(String role, String... workspaces) {
        return DevTokens.token(role, workspaces);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String uniqueChargePoint() {
        return "CP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Installs a built-in rule with the pending time given; returns the rule id. */
    public static String install(String workspace, String template, int forSeconds) {
        return as(token("admin", workspace))
                .body(Map.of("forSeconds", forSeconds))
                .post("/api/v1/workspaces/{ws}/incident-rule-templates/{t}/install", workspace, template)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Installs a built-in rule a second time in a workspace, under another name. */
    public static String install(String workspace, String template, int forSeconds, String name) {
        return as(token("admin", workspace))
                .body(Map.of("forSeconds", forSeconds, "name", name))
                .post("/api/v1/workspaces/{ws}/incident-rule-templates/{t}/install", workspace, template)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Core announcing a charger, so that connect's facts about it reach the workspace. */
    public static void registerCharger(ConfirmingPublisher publisher, String workspace, String chargePointId)
            throws Exception {
        publish(
                publisher,
                "core.charger.registered.v1",
                "/manage-core",
                UUID.randomUUID().toString(),
                workspace,
                Map.of("chargerId", UUID.randomUUID().toString(), "chargePointId", chargePointId, "siteId", "site-1"));
    }

    /** A connect fact about a charger: no workspace, the charge point as subject. */
    public static CloudEvent connectFact(
            ConfirmingPublisher publisher, String type, String chargePointId, Map<String, Object> data)
            throws Exception {
        return publish(publisher, type, "/manage-connect", chargePointId, null, data);
    }

    public static CloudEvent publish(
            ConfirmingPublisher publisher,
            String type,
            String source,
            String subject,
            String workspace,
            Map<String, Object> data)
            throws Exception {
        CloudEvent event = DepotopsEvents.create(type, source, subject, workspace, JSON.writeValueAsBytes(data));
        publish(publisher, event);
        return event;
    }

    /** Publishes an event as it is (again, for a redelivery). */
    public static void publish(ConfirmingPublisher publisher, CloudEvent event) throws Exception {
        publisher.publish(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of()));
    }

    /** The workspace's incidents (all statuses), newest first. */
    public static List<Map<String, Object>> incidents(String workspace) {
        return as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incidents?limit=500", workspace)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** Waits until the workspace has an incident that {@code matches}; returns it. */
    public static Map<String, Object> awaitIncident(String workspace, Predicate<Map<String, Object>> matches) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    incidents(workspace).stream().filter(matches).findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    public static JsonPath detail(String workspace, Object incidentId) {
        return as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incidents/{id}", workspace, incidentId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static Predicate<Map<String, Object>> status(String status) {
        return incident -> status.equals(incident.get("status"));
    }

    /** What the incident is about: {@code type}, {@code id}, {@code siteId}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(Map<String, Object> incident) {
        return (Map<String, Object>) incident.get("resource");
    }
}
