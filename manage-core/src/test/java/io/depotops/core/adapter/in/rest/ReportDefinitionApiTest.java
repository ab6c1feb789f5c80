package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Report definitions: CRUD with ETag/If-Match, validation naming the field, workspace isolation. */
@QuarkusTest
class ReportDefinitionApiTest {

    private String workspace;
    private String operator;
    private String depot;

    @BeforeEach
    void depot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
    }

    private Map<String, Object> definition(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("depotId", depot);
        body.put("kind", "CHARGING_SESSIONS");
        body.put("format", "XLSX");
        body.put("period", "PREVIOUS_WEEK");
        body.put("cron", "0 6 * * 1");
        body.put("recipients", List.of("Fleet.Manager@example.com", "fleet.manager@example.com", "ops@example.org"));
        body.put("enabled", false); // never picked up by another test's scheduler run
        return body;
    }

    private ExtractableResponse<Response> create(Map<String, Object> body) {
        return as(operator)
                .body(body)
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .extract();
    }

    @Test
    void aDefinitionIsCreatedReadReplacedAndDeletedWithItsVersion() {
        ExtractableResponse<Response> created = create(definition("Weekly sessions"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/report-definitions/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.<List<String>>path("recipients"))
                .containsExactly("fleet.manager@example.com", "ops@example.org");
        // Monday 06:00 in Berlin, in the future, within a week
        Instant first = Instant.parse(created.path("schedule.scheduledFor"));
        assertThat(first).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(8)));
        assertThat(first.atZone(java.time.ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(6);
        assertThat(first.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY);

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("format", equalTo("XLSX"));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        Map<String, Object> changed = definition("Daily sessions");
        changed.put("period", "PREVIOUS_DAY");
        changed.put("cron", "30 5 * * *");
        as(operator)
                .body(changed)
                .put("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(428);
        as(operator)
                .header("If-Match", "\"7\"")
                .body(changed)
                .put("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(412)
                .body("extensions.currentVersion", equalTo(1));
        as(operator)
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Daily sessions"))
                .body("period", equalTo("PREVIOUS_DAY"));

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}/runs", workspace, id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        as(operator)
                .header("If-Match", "\"1\"")
                .delete("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(412);
        as(operator)
                .header("If-Match", "\"2\"")
                .delete("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(204);
        as(operator)
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(404);
    }

    @Test
    void aSecondDefinitionOfTheSameNameIsAConflict() {
        assertThat(create(definition("Twice")).statusCode()).isEqualTo(201);
        ExtractableResponse<Response> again = create(definition("Twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.<String>path("extensions.conflictingField")).isEqualTo("name");
    }

    @Test
    void badDefinitionsNameTheField() {
        refused(with("cron", "61 6 * * *"), "cron");
        refused(with("cron", "0 6 * *"), "cron");
        refused(with("cron", null), "cron");
        refused(with("name", " "), "name");
        refused(with("kind", null), "kind");
        refused(with("period", null), "period");
        refused(with("depotId", null), "depotId");
        refused(with("depotId", UUID.randomUUID().toString()), "depotId");
        refused(with("recipients", List.of("not-an-address")), "recipients");
        refused(with("recipients", List.of("a@b.c, d@e.f")), "recipients");
        List<String> many = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "user" + i + "@example.com")
                .toList();
        refused(with("recipients", many), "recipients");
        as(operator)
                .body(with("kind", "EVERYTHING"))
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anotherWorkspacesDepotOrDefinitionIsNotReachable() {
        String id = create(definition("Mine")).path("id");
        String other = newWorkspace();
        String otherAdmin = token("admin", other);
        as(otherAdmin)
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}", other, id)
                .then()
                .statusCode(404);
        as(otherAdmin)
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(404);
        // a depot of this workspace cannot be named from another one
        Map<String, Object> foreign = definition("Foreign depot");
        as(otherAdmin)
                .body(foreign)
                .post("/api/v1/workspaces/{ws}/report-definitions", other)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("depotId"));
        as(token("viewer", workspace))
                .body(definition("Viewer"))
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(403);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = definition("Bad " + UUID.randomUUID());
        body.put(field, value);
        return body;
    }

    private void refused(Map<String, Object> body, String field) {
        as(operator)
                .body(body)
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
