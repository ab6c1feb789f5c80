package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;

import io.depotops.platform.testing.DevTokens;
import io.depotops.platform.testing.fuzz.OpenApiFuzz;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from core's own OpenAPI document and platform-testing's probes (OpenApiFuzz)
 * against a workspace with a depot, a site, a charger and a vehicle made through the API, so that
 * valid cases reach real resources: no 5xx, every 4xx a problem, every 2xx as documented. Runs
 * with the module's other tests; bounded by OpenApiFuzz's budget.
 */
@QuarkusTest
class RestFuzzTest {

    private static final String ANOTHER_WORKSPACE = "5a1e0000-0000-4000-8000-00000000f022";

    @TestHTTPResource("/")
    URI base;

    @Test
    void noGeneratedRequestIsAnsweredWithAServerErrorOrAnUndocumentedShape() {
        String workspace = newWorkspace();
        String admin = DevTokens.token("admin", workspace);
        String depot = newDepot(admin, workspace);
        String site = newSite(admin, workspace, depot);
        String chargePointId = uniqueChargePointId();
        String charger = as(admin)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String vehicle = as(admin)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        uniqueVin(),
                        "fleetNumber",
                        "FZ-1",
                        "batteryKwh",
                        396,
                        "maxDcKw",
                        150,
                        "efficiencyKwhPerKm",
                        1.1,
                        "idTag",
                        "RFID-FZ-1"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String prefix = "/api/v1/workspaces/{workspaceId}/";

        OpenApiFuzz.against(base)
                .credentials("admin of the workspace", admin)
                .credentials("viewer of the workspace", DevTokens.token("viewer", workspace))
                .credentials("admin of another workspace", DevTokens.token("admin", ANOTHER_WORKSPACE))
                .pathValues("workspaceId", workspace)
                .pathValues("ws", workspace)
                .pathValues("chargePointId", chargePointId)
                .pathValues("chargerId", charger)
                .pathValuesUnder(prefix + "depots", "id", depot)
                .pathValuesUnder(prefix + "sites", "id", site)
                .pathValuesUnder(prefix + "chargers", "id", charger)
                .pathValuesUnder(prefix + "vehicles", "id", vehicle)
                .pathValuesUnder("/api/v1/workspaces/{id}", "id", workspace)
                .fieldValues("depotId", depot)
                .fieldValues("siteId", site)
                .fieldValues("chargerId", charger)
                .fieldValues("chargePointId", chargePointId)
                .fieldValues("vehicleId", vehicle)
                .fieldValues("workspaceId", workspace)
                .run()
                .assertClean();
    }
}
