package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.Stage;
import io.depotops.core.application.TransactionService.TransactionFact;
import io.depotops.core.application.chart.MeterSamples;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.domain.TelematicsObservation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chart data: power and energy from meter samples, state of charge from telematics, downsampled. */
@QuarkusTest
class ChartApiTest {

    private static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z");
    private static final String RANGE_FROM = "2026-10-05T10:00:00Z";
    private static final String RANGE_TO = "2026-10-05T12:00:00Z";

    @Inject
    TransactionService transactions;

    @Inject
    MeterSamples samples;

    @Inject
    TelematicsStore telematics;

    private String workspace;
    private String operator;
    private String depot;
    private String chargerA;
    private String chargerB;
    private String cpA;
    private String cpB;
    private String vehicle;

    @BeforeEach
    void depotWithTwoChargersAndAVehicle() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        String site = newSite(operator, workspace, depot);
        cpA = uniqueChargePointId();
        cpB = uniqueChargePointId();
        chargerA = newCharger(site, cpA);
        chargerB = newCharger(site, cpB);
        vehicle = as(operator)
                .body(Map.of("vin", uniqueVin(), "fleetNumber", "C-" + cpA, "batteryKwh", 300, "idTag", "TAG-" + cpA))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String newCharger(String site, String chargePointId) {
        return as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Starts a transaction at T0 with meter start 10,000 Wh and returns its id. */
    private long started(String chargePointId, String idTag) {
        long id = (1L << 30) + ThreadLocalRandom.current().nextInt(1 << 29);
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(chargePointId, Stage.STARTED, id, null, 1, 1, idTag, 10_000L, T0, null));
        return id;
    }

    private void meter(String chargePointId, long id, int minute, Long wh, Double watts) {
        transactions.metered(
                UUID.randomUUID().toString(), chargePointId, id, null, wh, watts, T0.plusSeconds(60L * minute));
    }

    private JsonPath chart(String path, Object... params) {
        return as(token("viewer", workspace))
                .queryParam("from", RANGE_FROM)
                .queryParam("to", RANGE_TO)
                .get("/api/v1/workspaces/{ws}/" + path, params)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<List<Number>> series(JsonPath chart) {
        return chart.getList("series");
    }

    @Test
    void aChargersPowerAndEnergyComeFromItsMeterValues() {
        long tx = started(cpA, "TAG-" + cpA);
        for (int minute = 1; minute <= 30; minute++) {
            double kw = minute <= 15 ? 50 : 20;
            long wh = 10_000
                    + (long) (minute <= 15 ? minute * 50_000 / 60 : 15 * 50_000 / 60 + (minute - 15) * 20_000 / 60);
            meter(cpA, tx, minute, wh, kw * 1000);
        }

        JsonPath power = chart("chargers/{id}/charts/power", workspace, chargerA);
        assertThat(power.getString("unit")).isEqualTo("kW");
        assertThat(power.getInt("rawPoints")).isEqualTo(30);
        List<List<Number>> points = series(power);
        assertThat(points).hasSize(30);
        assertThat(points.getFirst().get(0).longValue())
                .isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(points.getFirst().get(1).doubleValue()).isEqualTo(50.0);
        assertThat(points.getLast().get(1).doubleValue()).isEqualTo(20.0);

        JsonPath energy = chart("chargers/{id}/charts/energy", workspace, chargerA);
        assertThat(energy.getString("unit")).isEqualTo("kWh");
        // 15 min at 50 kW + 15 min at 20 kW = 12.5 + 5 kWh (integer Wh registers)
        assertThat(series(energy).getLast().get(1).doubleValue()).isCloseTo(17.5, offset(0.01));
        // the vehicle of the token sees the same transaction
        JsonPath vehiclePower = chart("vehicles/{id}/charts/power", workspace, vehicle);
        assertThat(vehiclePower.getInt("rawPoints")).isEqualTo(30);
    }

    @Test
    void aDepotsPowerIsTheSumOfItsChargersAtTheSameTime() {
        long a = started(cpA, null);
        long b = started(cpB, null);
        for (int minute = 1; minute <= 10; minute++) {
            meter(cpA, a, minute, null, 50_000.0);
            meter(cpB, b, minute, null, 30_000.0);
        }
        JsonPath depotPower = chart("depots/{id}/charts/power", workspace, depot);
        assertThat(depotPower.getInt("rawPoints")).isEqualTo(10);
        assertThat(series(depotPower))
                .allSatisfy(p -> assertThat(p.get(1).doubleValue()).isEqualTo(80.0));
        assertThat(depotPower.getString("bucket")).isEqualTo("PT1M");
    }

    @Test
    void powerIsDerivedFromTheEnergyRegisterWhenTheChargerSendsNone() {
        long tx = started(cpA, null);
        for (int minute = 1; minute <= 5; minute++) {
            meter(cpA, tx, minute, 10_000L + minute * 1_000L, null);
        }
        // 1 kWh a minute is 60 kW
        assertThat(series(chart("chargers/{id}/charts/power", workspace, chargerA)))
                .hasSize(5)
                .allSatisfy(p -> assertThat(p.get(1).doubleValue()).isEqualTo(60.0));
        assertThat(series(chart("chargers/{id}/charts/energy", workspace, chargerA))
                        .getLast()
                        .get(1)
                        .doubleValue())
                .isEqualTo(5.0);
    }

    @Test
    void aLongSeriesIsDownsampledToTheRequestedPointsKeepingItsPeak() {
        long tx = started(cpA, null);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int minute = 1; minute <= 3000; minute++) {
                samples.record(tx, T0.plusSeconds(60L * minute), null, minute == 1234 ? 350_000.0 : 40_000.0);
            }
        });
        JsonPath power = as(token("viewer", workspace))
                .queryParam("from", RANGE_FROM)
                .queryParam("to", "2026-10-08T10:00:00Z")
                .queryParam("points", 100)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/charts/power", workspace, chargerA)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(power.getInt("rawPoints")).isEqualTo(3000);
        List<List<Number>> points = series(power);
        assertThat(points).hasSize(100);
        assertThat(points).anySatisfy(p -> assertThat(p.get(1).doubleValue()).isEqualTo(350.0));
    }

    @Test
    void aVehiclesStateOfChargeComesFromItsTelematicsHistory() {
        UUID ws = UUID.fromString(workspace);
        UUID id = UUID.fromString(vehicle);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 12; i++) {
                telematics.record(ws, id, observation("u" + i, T0.plusSeconds(300L * i), 20.0 + 5 * i));
            }
            // an observation without a state of charge is no point of the chart
            telematics.record(ws, id, observation("gps", T0.plusSeconds(150), null));
        });
        JsonPath soc = chart("vehicles/{id}/charts/soc", workspace, vehicle);
        assertThat(soc.getString("unit")).isEqualTo("%");
        assertThat(soc.getInt("rawPoints")).isEqualTo(12);
        assertThat(series(soc).getLast().get(1).doubleValue()).isEqualTo(75.0);
        assertThat(series(soc).getFirst().get(0).longValue()).isEqualTo(T0.toEpochMilli());
    }

    private static TelematicsObservation observation(String updateId, Instant at, Double soc) {
        return new TelematicsObservation(
                updateId, "GEOTAB", at, soc, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void aRangeWithoutReadingsIsAnEmptySeries() {
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/depots/{id}/charts/energy", workspace, depot)
                .then()
                .statusCode(200)
                .body("series", empty())
                .body("rawPoints", equalTo(0));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        refused(Map.of("from", "yesterday"), "from");
        refused(Map.of("from", RANGE_TO, "to", RANGE_FROM), "from");
        refused(Map.of("from", "2024-01-01T00:00:00Z", "to", RANGE_TO), "to");
        refused(Map.of("from", "0001-01-01T00:00:00Z"), "from");
        refused(Map.of("from", "2026-10-01T00:00:00Z", "to", "+10000-01-01T00:00:00Z"), "to");
        refused(Map.of("points", 1), "points");
        refused(Map.of("points", 5001), "points");
        refused(Map.of("points", "many"), "points");
    }

    private void refused(Map<String, ?> query, String field) {
        as(token("viewer", workspace))
                .queryParams(query)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/charts/power", workspace, chargerA)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void chartsAreWorkspaceScoped() {
        long tx = started(cpA, null);
        meter(cpA, tx, 1, null, 11_000.0);
        String other = newWorkspace();
        // another workspace's token sees neither the workspace nor, through its own, the charger
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/chargers/{id}/charts/power", workspace, chargerA)
                .then()
                .statusCode(404);
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/chargers/{id}/charts/power", other, chargerA)
                .then()
                .statusCode(404);
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/depots/{id}/charts/power", other, depot)
                .then()
                .statusCode(404);
        given().get("/api/v1/workspaces/{ws}/chargers/{id}/charts/power", workspace, chargerA)
                .then()
                .statusCode(401);
    }
}
