package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DepotAndSiteApiTest {

    private String workspace;
    private String operator;

    @BeforeEach
    void workspace() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
    }

    @Test
    void createsReadsAndUpdatesADepotWithItsETag() {
        Response created = as(operator)
                .body(Map.of("name", "Hamburg North", "timeZone", "Europe/Berlin", "address", "Hafenstr. 1"))
                .post("/api/v1/workspaces/{ws}/depots", workspace);
        created.then()
                .statusCode(201)
                .header("Location", endsWith("/depots/" + created.path("id")))
                .header("ETag", "\"0\"")
                .body("timeZone", equalTo("Europe/Berlin"));
        String id = created.path("id");

        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Hamburg North"));

        as(operator)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Hamburg Nord", "timeZone", "Europe/Berlin"))
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Hamburg Nord"));
    }

    @Test
    void aStaleOrMissingETagNeverOverwritesAnotherUpdate() {
        String id = newDepot(operator, workspace);
        Map<String, String> first = Map.of("name", "First writer", "timeZone", "Europe/Berlin");
        Map<String, String> second = Map.of("name", "Second writer", "timeZone", "Europe/Paris");

        as(operator)
                .header("If-Match", "\"0\"")
                .body(first)
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .statusCode(200);
        as(operator)
                .header("If-Match", "\"0\"")
                .body(second)
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .statusCode(412)
                .body("type", equalTo("https://depotops.io/problems/precondition-failed"))
                .body("extensions.currentVersion", equalTo(1));
        as(operator)
                .body(second)
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .statusCode(428);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}", workspace, id)
                .then()
                .body("name", equalTo("First writer"));
    }

    @Test
    void namesEachInvalidField() {
        as(operator)
                .body(Map.of("name", "", "timeZone", "Mars/Olympus"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("name"));
        as(operator)
                .body(Map.of("name", "Somewhere", "timeZone", "Mars/Olympus"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("timeZone"));
        as(operator)
                .body(Map.of("name", "Grid", "gridCapacityKw", -5))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("depotId", "gridCapacityKw"));
    }

    @Test
    void aDuplicateNameIsAConflictNamingTheExistingDepot() {
        String existing = as(operator)
                .body(Map.of("name", "Only once", "timeZone", "UTC"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .path("id");
        as(operator)
                .body(Map.of("name", "Only once", "timeZone", "UTC"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("name"))
                .body(
                        "extensions.conflictingResource",
                        equalTo("/api/v1/workspaces/" + workspace + "/depots/" + existing));
    }

    @Test
    void pagesThroughAListWithCursorsWithoutLosingOrRepeatingItems() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "Depot " + (char) ('A' + i);
            names.add(name);
            as(operator)
                    .body(Map.of("name", name, "timeZone", "UTC"))
                    .post("/api/v1/workspaces/{ws}/depots", workspace);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(operator).queryParam("limit", 3).queryParam("sort", "-name");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/workspaces/{ws}/depots", workspace);
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(names.reversed());
    }

    @Test
    void refusesAnUnknownSortOrForeignCursor() {
        as(operator)
                .queryParam("sort", "password")
                .get("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as(operator)
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(operator)
                .queryParam("limit", 501)
                .get("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aSiteBelongsToADepotOfTheSameWorkspace() {
        String depot = newDepot(operator, workspace);
        String other = newWorkspace();
        String foreignDepot = newDepot(token("operator", other), other);

        as(operator)
                .body(Map.of("depotId", depot, "name", "Main grid", "gridCapacityKw", 2500))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(201)
                .body("gridCapacityKw", equalTo(2500))
                .body("id", notNullValue());
        as(operator)
                .body(Map.of("depotId", foreignDepot, "name", "Stolen grid", "gridCapacityKw", 2500))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("depotId"));
        as(operator)
                .queryParam("depotId", depot)
                .get("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(200)
                .body("items.name", containsInAnyOrder("Main grid"));
    }

    @Test
    void aDepotInUseCannotBeDeleted() {
        String depot = newDepot(operator, workspace);
        CoreApiFixtures.newSite(operator, workspace, depot);
        as(operator)
                .header("If-Match", "\"0\"")
                .delete("/api/v1/workspaces/{ws}/depots/{id}", workspace, depot)
                .then()
                .statusCode(409);
        String unused = newDepot(operator, workspace);
        as(operator)
                .header("If-Match", "\"0\"")
                .delete("/api/v1/workspaces/{ws}/depots/{id}", workspace, unused)
                .then()
                .statusCode(204);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}", workspace, unused)
                .then()
                .statusCode(404);
    }
}
