package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.depotops.core.application.TelematicsIngestService;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.domain.TelematicsObservation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DispatchApiTest {

    @Inject
    TelematicsIngestService ingest;

    private String workspace;
    private String operator;
    private String depot;
    private String vehicle;
    private Instant departure;

    @BeforeEach
    void depotWithABus() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        vehicle = as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        uniqueVin(),
                        "fleetNumber",
                        "B-1",
                        "batteryKwh",
                        400,
                        "maxDcKw",
                        40,
                        "telematicsProvider",
                        "geotab",
                        "telematicsDeviceId",
                        "dev-" + UUID.randomUUID()))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .path("id");
        departure = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private Map<String, Object> block(String name, Instant departs, Object vehicleId) {
        Map<String, Object> block = new HashMap<>();
        block.put("depotId", depot);
        block.put("name", name);
        block.put("departureAt", departs.toString());
        block.put("returnAt", departs.plus(8, ChronoUnit.HOURS).toString());
        block.put("requiredEnergyKwh", 200);
        block.put("vehicleId", vehicleId);
        return block;
    }

    /** As telematics would report it, through the one ingest. */
    private void stateOfCharge(double percent) {
        String device = as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}", workspace, vehicle)
                .path("telematicsDeviceId");
        TelematicsIngestService.Outcome outcome = ingest.ingest(new IncomingUpdate(
                workspace,
                "geotab",
                device,
                null,
                new TelematicsObservation(
                        UUID.randomUUID().toString(),
                        "geotab",
                        Instant.now(),
                        percent,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of())));
        org.assertj.core.api.Assertions.assertThat(outcome).isEqualTo(TelematicsIngestService.Outcome.ACCEPTED);
    }

    @Test
    void tellsWhetherTheAssignedVehicleWillBeReady() {
        as(operator)
                .body(block("Route 7", departure, vehicle))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);

        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .statusCode(200)
                .body("[0].ready", nullValue())
                .body("[0].requiredSocPercent", equalTo(60.0f));

        // 2 h at 40 kW = 80 kWh = 20 % of 400 kWh: 45 % -> 65 % >= 60 %.
        stateOfCharge(45);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("[0].ready", equalTo(true))
                .body("[0].vehicleId", equalTo(vehicle));

        // 30 % -> 50 % < 60 %.
        stateOfCharge(30);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("[0].ready", equalTo(false));
    }

    @Test
    void anUnassignedBlockIsNotReady() {
        as(operator).body(block("Spare", departure, null)).post("/api/v1/workspaces/{ws}/blocks", workspace);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("", hasSize(1))
                .body("[0].ready", equalTo(false))
                .body("[0].reason", equalTo("no vehicle assigned"));
    }

    @Test
    void aVehicleIsNotAssignedToTwoOverlappingBlocks() {
        String first = as(operator)
                .body(block("Early", departure, vehicle))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .path("id");
        as(operator)
                .body(block("Overlapping", departure.plus(1, ChronoUnit.HOURS), vehicle))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(409)
                .body(
                        "extensions.conflictingResource",
                        equalTo("/api/v1/workspaces/" + workspace + "/blocks/" + first));
        as(operator)
                .body(block("Later", departure.plus(9, ChronoUnit.HOURS), vehicle))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);
    }

    @Test
    void refusesAnImpossibleBlock() {
        Map<String, Object> backwards = block("Backwards", departure, null);
        backwards.put("returnAt", departure.minusSeconds(60).toString());
        as(operator)
                .body(backwards)
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("returnAt"));

        String other = newWorkspace();
        String foreignVehicle = as(token("operator", other))
                .body(Map.of("vin", uniqueVin(), "fleetNumber", "X-1", "batteryKwh", 100))
                .post("/api/v1/workspaces/{ws}/vehicles", other)
                .path("id");
        as(operator)
                .body(block("Foreign", departure, foreignVehicle))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("vehicleId"));
    }
}
