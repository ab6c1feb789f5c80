package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveStateApiTest {

    @Inject
    RedisDataSource redis;

    private String workspace;
    private String operator;
    private String depot;
    private String site;

    @BeforeEach
    void depot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        site = newSite(operator, workspace, depot);
        for (int i = 0; i < 3; i++) {
            as(operator).body(charger(site, uniqueChargePointId())).post("/api/v1/workspaces/{ws}/chargers", workspace);
        }
        as(operator)
                .body(Map.of("depotId", depot, "vin", uniqueVin(), "fleetNumber", "E-1", "batteryKwh", 350))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace);
    }

    private io.restassured.response.ValidatableResponse live() {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/live", workspace, depot)
                .then()
                .statusCode(200);
    }

    @Test
    void showsEveryChargerAndVehicleOfTheDepot() {
        live().body("chargers", hasSize(3)).body("vehicles", hasSize(1)).body("chargers[0].connectors", hasSize(1));
        // Once the depot's changes are invalidated (a coalescing window, ADR 0006), a read is kept
        // in Redis and the next read from Redis says the same.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            live().body("chargers", hasSize(3));
            assertThat(redis.key().exists("depotops:live:depot:" + depot)).isTrue();
        });
        live().body("chargers", hasSize(3)).body("vehicles", hasSize(1));
    }

    @Test
    void aNewChargerAppearsAtOnce() {
        live().body("chargers", hasSize(3));
        as(operator).body(charger(site, uniqueChargePointId())).post("/api/v1/workspaces/{ws}/chargers", workspace);
        live().body("chargers", hasSize(4));
    }

    @Test
    void aLostCacheIsRebuiltFromTheDatabase() {
        live().body("chargers", hasSize(3));
        redis.key().del("depotops:live:depot:" + depot, "depotops:live:depot:" + depot + ":json");
        redis.hash(String.class).hset("depotops:live:depot:" + depot, "charger:partial", "{}");
        live().body("chargers", hasSize(3)).body("vehicles", hasSize(1));
    }

    @Test
    void anotherWorkspaceCannotReadIt() {
        String other = newWorkspace();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/depots/{id}/live", other, depot)
                .then()
                .statusCode(404);
    }
}
