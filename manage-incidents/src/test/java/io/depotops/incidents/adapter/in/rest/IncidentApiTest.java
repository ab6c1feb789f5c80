package io.depotops.incidents.adapter.in.rest;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Incidents and rules through the API: roles, workspace isolation, validation, versions. */
@QuarkusTest
class IncidentApiTest {

    @Inject
    ConfirmingPublisher publisher;

    private final String workspace = newWorkspace();

    private Map<String, Object> openIncident() throws Exception {
        install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher, EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1, cp, Map.of("chargePointId", cp, "type", "X"));
        return awaitIncident(workspace, i -> "OPEN".equals(i.get("status")));
    }

    @Test
    void anOperatorAcknowledgesAndResolvesWithTheTimelineSayingWhoWhenAndWhy() throws Exception {
        Object id = openIncident().get("id");
        String operator = token("operator", workspace);
        as(operator)
                .body(Map.of("reason", "on my way"))
                .post("/api/v1/workspaces/{ws}/incidents/{id}/acknowledge", workspace, id)
                .then()
                .statusCode(200)
                .body("incident.status", equalTo("ACKNOWLEDGED"))
                .body("incident.acknowledgedBy", equalTo("test-operator"));
        as(operator)
                .body(Map.of())
                .post("/api/v1/workspaces/{ws}/incidents/{id}/acknowledge", workspace, id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://depotops.io/problems/conflict"));
        as(operator)
                .body(Map.of("text", "cabinet door was open"))
                .post("/api/v1/workspaces/{ws}/incidents/{id}/notes", workspace, id)
                .then()
                .statusCode(201);
        as(operator)
                .body(Map.of("reason", "door closed, charger rebooted"))
                .post("/api/v1/workspaces/{ws}/incidents/{id}/resolve", workspace, id)
                .then()
                .statusCode(200)
                .body("incident.status", equalTo("RESOLVED"))
                .body("incident.autoResolved", equalTo(false))
                .body("timeline.to", contains("OPEN", "ACKNOWLEDGED", "RESOLVED"))
                .body("timeline.actor", contains("system", "test-operator", "test-operator"))
                .body("timeline[2].reason", equalTo("door closed, charger rebooted"))
                .body("notes.text", contains("cabinet door was open"));

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incidents?status=RESOLVED", workspace)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incidents?status=OPEN", workspace)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anotherWorkspacesIncidentIsNotFoundAndViewersCannotAct() throws Exception {
        Object id = openIncident().get("id");
        String other = newWorkspace();
        as(token("operator", other))
                .body(Map.of())
                .post("/api/v1/workspaces/{ws}/incidents/{id}/acknowledge", other, id)
                .then()
                .statusCode(404);
        as(token("operator", other))
                .get("/api/v1/workspaces/{ws}/incidents/{id}", other, id)
                .then()
                .statusCode(404);
        as(token("operator", other))
                .get("/api/v1/workspaces/{ws}/incidents/{id}", workspace, id)
                .then()
                .statusCode(404);
        as(token("viewer", workspace))
                .body(Map.of())
                .post("/api/v1/workspaces/{ws}/incidents/{id}/resolve", workspace, id)
                .then()
                .statusCode(403);
        given().get("/api/v1/workspaces/{ws}/incidents", workspace).then().statusCode(401);
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incidents/{id}", workspace, id)
                .then()
                .statusCode(200)
                .body("incident.status", equalTo("OPEN"));
    }

    @Test
    void listsArePagedWithACursor() throws Exception {
        install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        for (String kind : List.of("A", "B", "C")) {
            connectFact(
                    publisher,
                    EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                    cp,
                    Map.of("chargePointId", cp, "type", kind));
        }
        org.awaitility.Awaitility.await()
                .until(() -> io.depotops.incidents.IncidentFixtures.incidents(workspace)
                                .size()
                        == 3);
        String viewer = token("viewer", workspace);
        var first = as(viewer)
                .get("/api/v1/workspaces/{ws}/incidents?limit=2&severity=CRITICAL", workspace)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        var second = as(viewer)
                .get("/api/v1/workspaces/{ws}/incidents?limit=2&cursor=" + cursor, workspace)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        assertThat(second.getList("items.id")).doesNotContainAnyElementsOf(first.getList("items.id"));
        as(viewer)
                .get("/api/v1/workspaces/{ws}/incidents?severity=INFO", workspace)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as(viewer)
                .get("/api/v1/workspaces/{ws}/incidents?cursor=garbage", workspace)
                .then()
                .statusCode(400);
    }

    @Test
    void anInvalidRuleIsRefusedNamingEachFieldAndWhy() {
        String admin = token("admin", workspace);
        as(admin)
                .body(Map.of(
                        "name", "broken",
                        "eventTypes", List.of("connect.charger.status-changed.v1"),
                        "condition", "event.data.status ==",
                        "forSeconds", 0,
                        "severity", "MAJOR",
                        "dedupKey", "event.type == 'x'",
                        "resolveCondition", "nosuch(event)"))
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors.field", contains("condition", "dedupKey", "resolveCondition"))
                .body("errors[0].message", containsString("does not compile"))
                .body("errors[2].message", containsString("nosuch"));
        as(admin)
                .body(Map.of("condition", "true", "severity", "LOUD"))
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(400);
        as(admin)
                .body(Map.of("condition", "true", "forSeconds", -1, "eventTypes", List.of(), "severity", "INFO"))
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                org.hamcrest.Matchers.containsString("name"),
                                org.hamcrest.Matchers.containsString("eventTypes"),
                                org.hamcrest.Matchers.containsString("forSeconds")));
    }

    @Test
    void rulesAreVersionedAndOnlyAdminsAndOperatorsWriteThem() {
        String admin = token("admin", workspace);
        Map<String, Object> rule = Map.of(
                "name",
                "door alarm",
                "eventTypes",
                List.of("connect.charger.security-event.v1"),
                "condition",
                "event.data.type == 'TamperDetectionActivated'",
                "forSeconds",
                0,
                "severity",
                "CRITICAL",
                "labels",
                Map.of("team", "field"));
        as(token("viewer", workspace))
                .body(rule)
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(403);
        String id = as(admin)
                .body(rule)
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(201)
                .header("ETag", containsString("1"))
                .body("dedupKey", equalTo("event.subject"))
                .body("version", equalTo(1))
                .extract()
                .path("id");
        as(admin)
                .body(rule)
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(409);

        Map<String, Object> changed = new java.util.HashMap<>(rule);
        changed.put("severity", "MAJOR");
        as(admin)
                .body(changed)
                .put("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(428);
        as(admin)
                .header("If-Match", "\"7\"")
                .body(changed)
                .put("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(412)
                .body("extensions.currentVersion", equalTo(1));
        as(admin)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("severity", equalTo("MAJOR"));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(200)
                .body("name", contains("door alarm"));
        as(token("viewer", newWorkspace()))
                .get("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(404);
        as(admin)
                .header("If-Match", "\"2\"")
                .delete("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(204);
        as(admin)
                .get("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, id)
                .then()
                .statusCode(404);
    }

    @Test
    void theBuiltInRulesAreListedAsData() {
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/incident-rule-templates", workspace)
                .then()
                .statusCode(200)
                .body(
                        "id",
                        org.hamcrest.Matchers.hasItems(
                                "charger-faulted",
                                "charger-offline",
                                "transaction-failed",
                                "command-failed",
                                "security-event",
                                "telematics-stale",
                                "firmware-failed"));
        as(token("admin", workspace))
                .body(Map.of())
                .post("/api/v1/workspaces/{ws}/incident-rule-templates/nope/install", workspace)
                .then()
                .statusCode(404);
    }
}
