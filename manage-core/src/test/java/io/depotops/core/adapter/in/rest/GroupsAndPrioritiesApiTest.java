package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupsAndPrioritiesApiTest {

    private String workspace;
    private String operator;
    private String depot;

    @BeforeEach
    void depot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
    }

    private String vehicle(String fleetNumber) {
        return as(operator)
                .body(Map.of("depotId", depot, "vin", uniqueVin(), "fleetNumber", fleetNumber, "batteryKwh", 300))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void chargingOrderIsOwnLevelThenGroupLevelThenDeparture() {
        String a = vehicle("A");
        String b = vehicle("B");
        String c = vehicle("C");
        String d = vehicle("D");
        String group = as(operator)
                .body(Map.of("name", "Express lines", "vehicleIds", List.of(b)))
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(operator)
                .body(Map.of("level", 5))
                .put("/api/v1/workspaces/{ws}/groups/{id}/priority", workspace, group)
                .then()
                .statusCode(204);
        as(operator)
                .body(Map.of("level", 2))
                .put("/api/v1/workspaces/{ws}/vehicles/{id}/priority", workspace, d)
                .then()
                .statusCode(204);
        Map<String, Object> block = new HashMap<>();
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        block.put("depotId", depot);
        block.put("name", "Early run");
        block.put("departureAt", soon.toString());
        block.put("returnAt", soon.plus(6, ChronoUnit.HOURS).toString());
        block.put("requiredEnergyKwh", 100);
        block.put("vehicleId", c);
        as(operator)
                .body(block)
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);

        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/priorities", workspace, depot)
                .then()
                .statusCode(200)
                .body("vehicleId", contains(d, b, c, a))
                .body("source", contains("VEHICLE", "GROUP", "DEPARTURE", "NONE"));

        // Clearing D's own level leaves it without one.
        as(operator)
                .body(new HashMap<>(Map.of()))
                .put("/api/v1/workspaces/{ws}/vehicles/{id}/priority", workspace, d)
                .then()
                .statusCode(204);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/priorities", workspace, depot)
                .then()
                .body("vehicleId", contains(b, c, a, d));
    }

    @Test
    void aGroupHoldsOnlyThisWorkspacesResourcesAndHasAUniqueName() {
        String mine = vehicle("M-1");
        String other = newWorkspace();
        String theirs = as(token("operator", other))
                .body(Map.of("vin", uniqueVin(), "fleetNumber", "T-1", "batteryKwh", 100))
                .post("/api/v1/workspaces/{ws}/vehicles", other)
                .path("id");

        as(operator)
                .body(Map.of("name", "Mixed", "vehicleIds", List.of(mine, theirs)))
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("vehicleIds"));
        as(operator)
                .body(Map.of("name", "Mine", "vehicleIds", List.of(mine)))
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(201)
                .body("vehicleIds", containsInAnyOrder(mine));
        as(operator)
                .body(Map.of("name", "Mine"))
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(409);
    }

    @Test
    void aNullMemberIdIsABadRequestNamingTheList() {
        as(operator)
                .body("{\"name\":\"Nulls\",\"chargerIds\":[null]}")
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", startsWith("chargerIds"));
        as(operator)
                .body("{\"name\":\"Nulls\",\"vehicleIds\":[null]}")
                .post("/api/v1/workspaces/{ws}/groups", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("vehicleIds"));
    }

    @Test
    void aPriorityLevelIsOneToTen() {
        String a = vehicle("P-1");
        as(operator)
                .body(Map.of("level", 11))
                .put("/api/v1/workspaces/{ws}/vehicles/{id}/priority", workspace, a)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }
}
