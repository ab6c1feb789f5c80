package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VehicleApiTest {

    private String workspace;
    private String operator;
    private String depot;

    @BeforeEach
    void depot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
    }

    private Map<String, Object> vehicle(String vin, String fleetNumber) {
        Map<String, Object> vehicle = new HashMap<>();
        vehicle.put("depotId", depot);
        vehicle.put("vin", vin);
        vehicle.put("fleetNumber", fleetNumber);
        vehicle.put("batteryKwh", 396);
        vehicle.put("maxDcKw", 150);
        vehicle.put("efficiencyKwhPerKm", 1.1);
        vehicle.put("idTag", "RFID-" + fleetNumber);
        return vehicle;
    }

    @Test
    void registersAVehicle() {
        String vin = uniqueVin();
        as(operator)
                .body(vehicle(vin, "B-101"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .body("vin", equalTo(vin))
                .body("batteryKwh", equalTo(396))
                .body("efficiencyKwhPerKm", equalTo(1.1f));
    }

    @Test
    void aVinOrFleetNumberIsTakenOncePerWorkspace() {
        String vin = uniqueVin();
        String existing = as(operator)
                .body(vehicle(vin, "B-201"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .path("id");

        as(operator)
                .body(vehicle(vin, "B-202"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("vin"))
                .body(
                        "extensions.conflictingResource",
                        equalTo("/api/v1/workspaces/" + workspace + "/vehicles/" + existing));
        as(operator)
                .body(vehicle(uniqueVin(), "B-201"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("fleetNumber"));

        // Another workspace may run a vehicle with the same VIN (e.g. after a sale).
        String other = newWorkspace();
        String otherOperator = token("operator", other);
        Map<String, Object> sold = vehicle(vin, "X-1");
        sold.put("depotId", newDepot(otherOperator, other));
        as(otherOperator)
                .body(sold)
                .post("/api/v1/workspaces/{ws}/vehicles", other)
                .then()
                .statusCode(201);
    }

    @Test
    void namesEveryInvalidFieldOfAVehicle() {
        Map<String, Object> bad = vehicle("WDBIIIIIIIIIIIIII", "");
        bad.put("batteryKwh", 0);
        bad.put("telematicsDeviceId", "device-without-provider");
        as(operator)
                .body(bad)
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("vin", "fleetNumber", "batteryKwh"));
    }
}
