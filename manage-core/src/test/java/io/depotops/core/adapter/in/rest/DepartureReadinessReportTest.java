package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.application.TelematicsIngestService;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.domain.TelematicsObservation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Departure readiness as a report: each departure's required SoC against the last one reported before it. */
@QuarkusTest
class DepartureReadinessReportTest {

    @Inject
    TelematicsIngestService ingest;

    private String workspace;
    private String operator;
    private String depot;
    private String vehicle;
    private String device;

    @BeforeEach
    void vehicleInBerlin() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace); // Europe/Berlin
        device = "dev-" + UUID.randomUUID();
        vehicle = as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        uniqueVin(),
                        "fleetNumber",
                        "B-9",
                        "batteryKwh",
                        300,
                        "telematicsProvider",
                        "geotab",
                        "telematicsDeviceId",
                        device))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void block(String name, String departs, String recurrence, Object vehicleId) {
        Map<String, Object> block = new HashMap<>();
        block.put("depotId", depot);
        block.put("name", name);
        block.put("departureAt", departs);
        block.put("returnAt", Instant.parse(departs).plusSeconds(8 * 3600).toString());
        block.put("requiredEnergyKwh", 150); // 50 % of 300 kWh + 10 % reserve = 60 %
        block.put("recurrence", recurrence);
        block.put("vehicleId", vehicleId);
        as(operator)
                .body(block)
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);
    }

    private void soc(String at, double percent) {
        assertThat(ingest.ingest(new IncomingUpdate(
                        workspace,
                        "geotab",
                        device,
                        null,
                        new TelematicsObservation(
                                UUID.randomUUID().toString(),
                                "geotab",
                                Instant.parse(at),
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
                                Map.of()))))
                .isIn(TelematicsIngestService.Outcome.ACCEPTED, TelematicsIngestService.Outcome.LATE);
    }

    private List<String> report(String from, String to) {
        String id = as(operator)
                .body(Map.of("kind", "DEPARTURE_READINESS", "from", from, "to", to))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        return new String(
                        given().urlEncodingEnabled(false)
                                .get(URI.create(url))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    @Test
    void eachDepartureIsAssessedWithTheLastSocBeforeIt() {
        // Monday 5 October 2026, 06:00 in Berlin (04:00Z); weekdays: Mon-Fri, not the weekend
        block("Route 7", "2026-10-05T04:00:00Z", "WEEKDAYS", vehicle);
        block("Unassigned", "2026-10-05T05:00:00Z", "NONE", null);
        soc("2026-10-05T03:00:00Z", 55.0); // below 60 % at Monday's departure
        soc("2026-10-06T03:30:00Z", 80.0); // ready on Tuesday
        soc("2026-10-07T04:30:00Z", 10.0); // after Wednesday's departure: Wednesday keeps 80 %

        List<String> lines = report("2026-10-05T00:00:00Z", "2026-10-12T00:00:00Z");
        assertThat(lines.getFirst())
                .isEqualTo("departureAt,depot,block,vehicleFleetNumber,vehicleVin,requiredSocPercent,"
                        + "socAtDeparturePercent,socObservedAt,status");
        assertThat(lines).hasSize(1 + 5);
        assertThat(lines.get(1))
                .startsWith("2026-10-05T04:00:00Z,Depot ")
                .contains(",Route 7,B-9,")
                .endsWith(",60.0,55.0,2026-10-05T03:00:00Z,BELOW_TARGET");
        assertThat(lines.get(2)).startsWith("2026-10-06T04:00:00Z,").endsWith(",60.0,80.0,2026-10-06T03:30:00Z,READY");
        assertThat(lines.get(3)).startsWith("2026-10-07T04:00:00Z,").endsWith(",80.0,2026-10-06T03:30:00Z,READY");
        assertThat(lines.get(4))
                .startsWith("2026-10-08T04:00:00Z,")
                .endsWith(",10.0,2026-10-07T04:30:00Z,BELOW_TARGET");
        assertThat(lines.get(5)).startsWith("2026-10-09T04:00:00Z,");

        // after the change to winter time (25 October) 06:00 in Berlin is 05:00Z
        List<String> winter = report("2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z");
        assertThat(winter).hasSize(2);
        assertThat(winter.get(1)).startsWith("2026-10-26T05:00:00Z,");
    }

    @Test
    void aDepartureWithoutAnyReportedSocSaysSo() {
        block("Once", "2026-10-05T04:00:00Z", "NONE", vehicle);
        List<String> lines = report("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(",60.0,,,NO_SOC");
        assertThat(report("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")).hasSize(1);
    }
}
