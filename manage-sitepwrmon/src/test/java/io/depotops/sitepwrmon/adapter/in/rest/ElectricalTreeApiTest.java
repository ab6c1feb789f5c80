package io.depotops.sitepwrmon.adapter.in.rest;

import static io.depotops.sitepwrmon.PowerFixtures.admin;
import static io.depotops.sitepwrmon.PowerFixtures.as;
import static io.depotops.sitepwrmon.PowerFixtures.charger;
import static io.depotops.sitepwrmon.PowerFixtures.create;
import static io.depotops.sitepwrmon.PowerFixtures.newId;
import static io.depotops.sitepwrmon.PowerFixtures.node;
import static io.depotops.sitepwrmon.PowerFixtures.root;
import static io.depotops.sitepwrmon.PowerFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A site's electrical tree through the API: the tree rules, roles, isolation, versions, pages. */
@QuarkusTest
class ElectricalTreeApiTest {

    private final String workspace = newId();
    private final String site = newId();

    @Test
    void aTreeFromGridToChargerIsBuiltReadAndChangedWithItsVersion() {
        String grid = root(workspace, site, 400.0, 630.0);
        Map<String, Object> board = node(site, grid, "SWITCHBOARD", "board A");
        board.put("limitKw", 250);
        String boardId = create(workspace, board);
        String charger = create(workspace, charger(site, boardId, "CP-" + newId(), List.of("L2")));

        Response read = as(token("viewer", workspace)).get("/api/v1/workspaces/{ws}/nodes/{id}", workspace, charger);
        read.then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("kind", equalTo("CHARGER"))
                .body("parentId", equalTo(boardId))
                .body("chargerPhases", contains("L2"));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/nodes/{id}", workspace, grid)
                .then()
                .body("limitKw", equalTo(400.0f))
                .body("limitA.l3", equalTo(630.0f))
                .body("parentId", nullValue());

        board.put("limitKw", 300);
        admin(workspace)
                .body(board)
                .put("/api/v1/workspaces/{ws}/nodes/{id}", workspace, boardId)
                .then()
                .statusCode(428)
                .body("type", equalTo("https://depotops.io/problems/precondition-required"));
        admin(workspace)
                .header("If-Match", "\"1\"")
                .body(board)
                .put("/api/v1/workspaces/{ws}/nodes/{id}", workspace, boardId)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("limitKw", equalTo(300.0f));
        admin(workspace)
                .header("If-Match", "\"1\"")
                .body(board)
                .put("/api/v1/workspaces/{ws}/nodes/{id}", workspace, boardId)
                .then()
                .statusCode(412)
                .body("extensions.currentVersion", equalTo(2));
        admin(workspace)
                .header("If-Match", "\"2\"")
                .delete("/api/v1/workspaces/{ws}/nodes/{id}", workspace, boardId)
                .then()
                .statusCode(409);
        admin(workspace)
                .header("If-Match", "\"1\"")
                .delete("/api/v1/workspaces/{ws}/nodes/{id}", workspace, charger)
                .then()
                .statusCode(204);
        admin(workspace)
                .get("/api/v1/workspaces/{ws}/nodes/{id}", workspace, charger)
                .then()
                .statusCode(404);
    }

    @Test
    void theTreeRulesAreRefusedWithTheFieldTheyConcern() {
        String grid = root(workspace, site, 400.0, null);
        admin(workspace)
                .body(node(site, null, "GRID_CONNECTION", "second root"))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors.field", hasItem("parentId"))
                .body("errors.message", hasItem(containsString("already has its root")));
        admin(workspace)
                .body(node(site, newId(), "CIRCUIT", "orphan"))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parentId"));
        String otherSiteRoot = root(workspace, newId(), 100.0, null);
        admin(workspace)
                .body(node(site, otherSiteRoot, "CIRCUIT", "wrong site"))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("in this site")));
        String charger = create(workspace, charger(site, grid, "CP-" + newId(), List.of("L1", "L2", "L3")));
        admin(workspace)
                .body(node(site, charger, "CIRCUIT", "below a charger"))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("charger has no nodes below")));
        admin(workspace)
                .body(charger(site, grid, null, List.of("L1", "L1")))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargerId"))
                .body("errors.field", hasItem("chargerPhases"));
        Map<String, Object> badNumbers = node(site, grid, "CIRCUIT", "bad numbers");
        badNumbers.put("limitKw", -5);
        badNumbers.put("voltageV", 5);
        badNumbers.put("limitA", Map.of("l1", 0));
        admin(workspace)
                .body(badNumbers)
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("limitKw")))
                .body("errors.field", hasItem(containsString("voltageV")))
                .body("errors.field", hasItem(containsString("l1")));
    }

    @Test
    void aNodeCannotBecomeItsOwnAncestor() {
        String grid = root(workspace, site, 400.0, null);
        Map<String, Object> upper = node(site, grid, "SWITCHBOARD", "upper");
        String upperId = create(workspace, upper);
        String lower = create(workspace, node(site, upperId, "CIRCUIT", "lower"));
        upper.put("parentId", lower);
        admin(workspace)
                .header("If-Match", "\"1\"")
                .body(upper)
                .put("/api/v1/workspaces/{ws}/nodes/{id}", workspace, upperId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parentId"))
                .body("errors.message", hasItem(containsString("own ancestor")));
        upper.put("parentId", upperId);
        admin(workspace)
                .header("If-Match", "\"1\"")
                .body(upper)
                .put("/api/v1/workspaces/{ws}/nodes/{id}", workspace, upperId)
                .then()
                .statusCode(400);
    }

    @Test
    void aChargerSitsOnOneNodeOfTheWorkspace() {
        String grid = root(workspace, site, null, null);
        String chargerId = "CP-" + newId();
        create(workspace, charger(site, grid, chargerId, List.of("L1")));
        admin(workspace)
                .body(charger(site, grid, chargerId, List.of("L2")))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("chargerId"));
    }

    @Test
    void rolesAndWorkspacesAreEnforcedAndAnotherWorkspaceSeesNothing() {
        String grid = root(workspace, site, 100.0, null);
        String other = newId();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/nodes/{id}", workspace, grid)
                .then()
                .statusCode(404);
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/nodes/{id}", other, grid)
                .then()
                .statusCode(404);
        as(token("viewer", workspace))
                .body(node(site, grid, "CIRCUIT", "by a viewer"))
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(403);
        given().get("/api/v1/workspaces/{ws}/nodes", workspace).then().statusCode(401);
    }

    @Test
    void theListComesInCursorPagesFilteredBySite() {
        String grid = root(workspace, site, 100.0, null);
        List<String> ids = new ArrayList<>(List.of(grid));
        for (int i = 0; i < 4; i++) {
            ids.add(create(workspace, node(site, grid, "CIRCUIT", "circuit " + i)));
        }
        root(workspace, newId(), 50.0, null);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(token("viewer", workspace))
                    .queryParam("siteId", site)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/workspaces/{ws}/nodes", workspace)
                    .then()
                    .statusCode(200)
                    .body("items", notNullValue())
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        as(token("viewer", workspace))
                .queryParam("cursor", "not-a-cursor!")
                .get("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(token("viewer", workspace))
                .queryParam("limit", 2)
                .get("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .body("items", hasSize(2));
    }
}
