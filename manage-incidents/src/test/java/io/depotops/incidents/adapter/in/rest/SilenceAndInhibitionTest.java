package io.depotops.incidents.adapter.in.rest;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.detail;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.publish;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Silences (label matchers, a window, expiry) and inhibition (a site offline suppresses the
 * offline chargers of that site), driven by real events: a suppressed incident exists and says why.
 */
@QuarkusTest
class SilenceAndInhibitionTest {

    @Inject
    ConfirmingPublisher publisher;

    private final String workspace = newWorkspace();

    @Test
    void aSilencedIncidentExistsIsMarkedAndTheSilenceCanBeExpired() throws Exception {
        install(workspace, "security-event", 0);
        String silenced = uniqueChargePoint();
        String other = uniqueChargePoint();
        registerCharger(publisher, workspace, silenced);
        registerCharger(publisher, workspace, other);
        String silenceId = as(token("operator", workspace))
                .body(Map.of(
                        "matchers",
                        List.of(
                                Map.of("name", "resourceId", "operator", "=", "value", silenced),
                                Map.of("name", "template", "operator", "=~", "value", "security-.*")),
                        "endsAt",
                        Instant.now().plus(Duration.ofHours(1)).toString(),
                        "comment",
                        "maintenance"))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(201)
                .header("Location", containsString("/silences/"))
                .body("state", equalTo("ACTIVE"))
                .extract()
                .path("id");

        securityEvent(silenced, "TamperDetectionActivated");
        securityEvent(other, "TamperDetectionActivated");
        Map<String, Object> quiet = awaitIncident(workspace, i -> silenced.equals(resourceId(i)));
        Map<String, Object> loud = awaitIncident(workspace, i -> other.equals(resourceId(i)));
        assertThat(quiet.get("status")).isEqualTo("OPEN");
        assertThat(suppression(quiet)).containsEntry("silenced", true).containsEntry("silencedBy", List.of(silenceId));
        assertThat(suppression(loud)).containsEntry("silenced", false);
        assertThat(detail(workspace, quiet.get("id")).getBoolean("incident.suppression.silenced"))
                .isTrue();

        as(token("operator", workspace))
                .post("/api/v1/workspaces/{ws}/silences/{id}/expire", workspace, silenceId)
                .then()
                .statusCode(200)
                .body("state", equalTo("EXPIRED"));
        securityEvent(silenced, "FirmwareUpdateFailed"); // another kind: a new incident, not silenced now
        Map<String, Object> after = awaitIncident(
                workspace, i -> silenced.equals(resourceId(i)) && !i.get("id").equals(quiet.get("id")));
        assertThat(suppression(after)).containsEntry("silenced", false);

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(200)
                .body("id", hasItems(silenceId));
        as(token("viewer", workspace))
                .delete("/api/v1/workspaces/{ws}/silences/{id}", workspace, silenceId)
                .then()
                .statusCode(403);
        as(token("operator", workspace))
                .delete("/api/v1/workspaces/{ws}/silences/{id}", workspace, silenceId)
                .then()
                .statusCode(204);
        as(token("operator", workspace))
                .get("/api/v1/workspaces/{ws}/silences/{id}", workspace, silenceId)
                .then()
                .statusCode(404);
    }

    @Test
    void aNewSilenceMarksTheOpenIncidentsItMatches() throws Exception {
        install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        securityEvent(cp, "TamperDetectionActivated");
        Map<String, Object> open = awaitIncident(workspace, i -> cp.equals(resourceId(i)));
        assertThat(suppression(open)).containsEntry("silenced", false);

        String silenceId = as(token("admin", workspace))
                .body(Map.of(
                        "matchers",
                        List.of(Map.of("name", "siteId", "operator", "!=", "value", "elsewhere")),
                        "endsAt",
                        Instant.now().plus(Duration.ofMinutes(5)).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(detail(workspace, open.get("id")).getList("incident.suppression.silencedBy", String.class))
                .containsExactly(silenceId);
    }

    @Test
    void aSilenceThatCannotWorkIsRefusedNamingTheField() {
        String operator = token("operator", workspace);
        as(operator)
                .body(Map.of(
                        "matchers",
                        List.of(
                                Map.of("name", "resourceId", "operator", "=", "value", "x"),
                                Map.of("name", "template", "operator", "=~", "value", "([unclosed")),
                        "endsAt",
                        Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("matchers[1].value"))
                .body("errors[0].message", containsString("regular expression"));
        as(operator)
                .body(Map.of(
                        "matchers",
                        List.of(Map.of("name", "resourceId", "operator", "=", "value", "x")),
                        "endsAt",
                        Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        as(operator)
                .body(Map.of(
                        "matchers",
                        List.of(Map.of("name", "resourceId", "operator", "<>", "value", "x")),
                        "endsAt",
                        Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems(containsString("operator")));
        as(operator)
                .body(Map.of(
                        "matchers",
                        List.of(),
                        "endsAt",
                        Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems(containsString("matchers")));
        as(token("viewer", workspace))
                .body(Map.of(
                        "matchers",
                        List.of(Map.of("name", "resourceId", "operator", "=", "value", "x")),
                        "endsAt",
                        Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(403);
        as(token("operator", newWorkspace()))
                .get("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(404);
    }

    @Test
    void aSiteOfflineInhibitsTheOfflineChargersOfThatSiteOnly() throws Exception {
        install(workspace, "charger-offline", 0);
        createSiteOfflineRule();
        String before = uniqueChargePoint(); // offline before the site goes: inhibited once it does
        String after = uniqueChargePoint();
        String elsewhere = uniqueChargePoint();
        registerCharger(publisher, workspace, before); // site-1
        registerCharger(publisher, workspace, after);
        publish(
                publisher,
                "core.charger.registered.v1",
                "/manage-core",
                UUID.randomUUID().toString(),
                workspace,
                Map.of("chargerId", UUID.randomUUID().toString(), "chargePointId", elsewhere, "siteId", "site-2"));

        disconnected(before);
        Map<String, Object> first = awaitIncident(workspace, i -> before.equals(resourceId(i)));
        assertThat(suppression(first).get("inhibitedBy")).isNull();

        publish(publisher, "sitepwrmon.site.unreachable.v1", "/manage-sitepwrmon", "site-1", workspace, Map.of());
        Map<String, Object> site = awaitIncident(workspace, i -> "site-1".equals(resourceId(i)));
        disconnected(after);
        disconnected(elsewhere);

        Map<String, Object> inhibited = awaitIncident(workspace, i -> after.equals(resourceId(i)));
        Map<String, Object> notInhibited = awaitIncident(workspace, i -> elsewhere.equals(resourceId(i)));
        assertThat(inhibited.get("status")).isEqualTo("OPEN");
        assertThat(suppression(inhibited)).containsEntry("inhibitedBy", site.get("id"));
        assertThat(suppression(notInhibited).get("inhibitedBy"))
                .as("a charger of another site")
                .isNull();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> site.get("id")
                        .equals(detail(workspace, first.get("id")).getString("incident.suppression.inhibitedBy")));
    }

    @Test
    void inhibitionRulesAreDataPerWorkspaceBesideTheBuiltInOne() {
        String admin = token("admin", workspace);
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .statusCode(200)
                .body("find { it.builtIn }.equal", equalTo(List.of("siteId")));
        String id = as(admin)
                .body(Map.of(
                        "name", "critical mutes minor",
                        "sourceMatchers", List.of(Map.of("name", "severity", "operator", "=", "value", "CRITICAL")),
                        "targetMatchers", List.of(Map.of("name", "severity", "operator", "=~", "value", "MINOR|INFO")),
                        "equal", List.of("resourceId")))
                .post("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .statusCode(201)
                .body("builtIn", equalTo(false))
                .extract()
                .path("id");
        as(admin)
                .body(Map.of(
                        "name", "critical mutes minor",
                        "sourceMatchers", List.of(Map.of("name", "severity", "operator", "=", "value", "CRITICAL")),
                        "targetMatchers", List.of(Map.of("name", "severity", "operator", "=", "value", "MINOR"))))
                .post("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .statusCode(409);
        as(admin)
                .body(Map.of(
                        "name", "broken",
                        "sourceMatchers", List.of(Map.of("name", "9lives", "operator", "=", "value", "x")),
                        "targetMatchers", List.of(Map.of("name", "severity", "operator", "=~", "value", "("))))
                .post("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("sourceMatchers[0].name"));
        String builtIn = as(admin)
                .get("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .extract()
                .path("find { it.builtIn }.id");
        as(admin)
                .delete("/api/v1/workspaces/{ws}/inhibition-rules/{id}", workspace, builtIn)
                .then()
                .statusCode(409);
        as(admin)
                .delete("/api/v1/workspaces/{ws}/inhibition-rules/{id}", workspace, id)
                .then()
                .statusCode(204);
        as(token("admin", newWorkspace()))
                .get("/api/v1/workspaces/{ws}/inhibition-rules", workspace)
                .then()
                .statusCode(404);
    }

    private void createSiteOfflineRule() {
        as(token("admin", workspace))
                .body(Map.of(
                        "name",
                        "site unreachable",
                        "eventTypes",
                        List.of("sitepwrmon.site.unreachable.v1"),
                        "condition",
                        "true",
                        "forSeconds",
                        0,
                        "severity",
                        "CRITICAL",
                        "labels",
                        Map.of("template", "site-offline")))
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(201);
    }

    private void securityEvent(String cp, String type) throws Exception {
        connectFact(
                publisher, EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1, cp, Map.of("chargePointId", cp, "type", type));
    }

    private void disconnected(String cp) throws Exception {
        connectFact(publisher, EventTypes.CONNECT_CHARGER_DISCONNECTED_V1, cp, Map.of("chargePointId", cp));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> suppression(Map<String, Object> incident) {
        return (Map<String, Object>) incident.get("suppression");
    }

    @SuppressWarnings("unchecked")
    private static Object resourceId(Map<String, Object> incident) {
        return ((Map<String, Object>) incident.get("resource")).get("id");
    }
}
