package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChargerApiTest {

    private String workspace;
    private String operator;
    private String site;

    @BeforeEach
    void site() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        site = newSite(operator, workspace, newDepot(operator, workspace));
    }

    @Test
    void registersAChargerWithoutEverShowingItsPassword() throws Exception {
        String chargePointId = uniqueChargePointId();
        try (TestQueue events = TestQueue.bind(Exchanges.EVENTS, "core.charger.registered.v1")) {
            String id = as(operator)
                    .body(charger(site, chargePointId))
                    .post("/api/v1/workspaces/{ws}/chargers", workspace)
                    .then()
                    .statusCode(201)
                    .body("chargePointId", equalTo(chargePointId))
                    .body("bootStatus", equalTo("Pending"))
                    .body("connectors[0].type", equalTo("CCS2"))
                    .body("$", not(hasKey("password")))
                    .body("$", not(hasKey("passwordHash")))
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.deliveries().stream()
                            .anyMatch(d -> DepotopsEvents.deserialize(d.body())
                                    .getSubject()
                                    .equals(id)));
            CloudEvent event = events.deliveries().stream()
                    .map(d -> DepotopsEvents.deserialize(d.body()))
                    .filter(e -> e.getSubject().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(DepotopsEvents.workspaceOf(event)).isEqualTo(workspace);
            String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            assertThat(data).contains(chargePointId).doesNotContain("pbkdf2").doesNotContain("correct-horse");
        }
    }

    @Test
    void aChargePointIdIsTakenOnceAcrossAllWorkspaces() {
        String chargePointId = uniqueChargePointId();
        String existing = as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("id");

        as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("chargePointId"))
                .body(
                        "extensions.conflictingResource",
                        equalTo("/api/v1/workspaces/" + workspace + "/chargers/" + existing));

        String other = newWorkspace();
        String otherOperator = token("operator", other);
        String otherSite = newSite(otherOperator, other, newDepot(otherOperator, other));
        as(otherOperator)
                .body(charger(otherSite, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", other)
                .then()
                .statusCode(409)
                .body("extensions.conflictingResource", nullValue());
    }

    @Test
    void namesEveryInvalidFieldOfACharger() {
        Map<String, Object> bad = new HashMap<>(charger(site, "has spaces/and slash"));
        bad.put("maxPowerKw", -1);
        bad.put("password", "short");
        bad.put("securityProfile", 3);
        bad.put("connectors", List.of(Map.of("evseId", 0, "connectorId", 1, "type", "CCS2", "maxPowerKw", 50)));
        as(operator)
                .body(bad)
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "chargePointId", "maxPowerKw", "password", "securityProfile", "connectors[0].evseId"));
    }

    @Test
    void aConnectorCannotBeStrongerThanItsCharger() {
        Map<String, Object> request = new HashMap<>(charger(site, uniqueChargePointId()));
        request.put(
                "connectors",
                List.of(
                        Map.of("evseId", 1, "connectorId", 1, "type", "CCS2", "maxPowerKw", 150),
                        Map.of("evseId", 2, "connectorId", 1, "type", "CCS2", "maxPowerKw", 400)));
        as(operator)
                .body(request)
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("connectors[1].maxPowerKw"));
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        String id = as(operator)
                .body(charger(site, uniqueChargePointId()))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("id");
        String chargePointId = as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                .path("chargePointId");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> change = new HashMap<>(charger(site, chargePointId));
            change.remove("password");
            change.put("vendor", "Writer " + i);
            writers.add(() -> as(operator)
                    .header("If-Match", "\"0\"")
                    .body(change)
                    .put("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(writers)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                .then()
                .header("ETag", "\"1\"");
    }

    @Test
    void listsChargersFilteredBySite() {
        String otherSite = newSite(operator, workspace, newDepot(operator, workspace));
        String here = uniqueChargePointId();
        as(operator).body(charger(site, here)).post("/api/v1/workspaces/{ws}/chargers", workspace);
        as(operator)
                .body(charger(otherSite, uniqueChargePointId()))
                .post("/api/v1/workspaces/{ws}/chargers", workspace);

        as(operator)
                .queryParam("siteId", site)
                .get("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(200)
                .body("items.chargePointId", containsInAnyOrder(here));
    }
}
