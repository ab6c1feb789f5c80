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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.Stage;
import io.depotops.core.application.TransactionService.TransactionFact;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charging-sessions reports on demand: CSV in S3Mock, index in DynamoDB Local, presigned download. */
@QuarkusTest
class ReportApiTest {

    private static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z");

    @Inject
    TransactionService transactions;

    @Inject
    io.depotops.core.application.report.ReportService reports;

    private String workspace;
    private String operator;
    private String chargePointId;

    @BeforeEach
    void chargerAndVehicle() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        String site = newSite(operator, workspace, newDepot(operator, workspace));
        chargePointId = uniqueChargePointId();
        as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201);
        as(operator)
                .body(Map.of(
                        "vin", uniqueVin(), "fleetNumber", "BUS-7", "batteryKwh", 300, "idTag", "TAG-" + chargePointId))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201);
    }

    private long session(Instant start, long startWh, long stopWh, String stopReason) {
        long id = (1L << 30) + ThreadLocalRandom.current().nextInt(1 << 29);
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(
                        chargePointId, Stage.STARTED, id, null, 1, 1, "TAG-" + chargePointId, startWh, start, null));
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(
                        chargePointId, Stage.ENDED, id, null, 1, 1, null, stopWh, start.plusSeconds(5400), stopReason));
        return id;
    }

    private ExtractableResponse<Response> generate(String from, String to) {
        return as(operator)
                .body(Map.of("kind", "CHARGING_SESSIONS", "from", from, "to", to))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .extract();
    }

    private static byte[] fetch(String url) {
        return given().urlEncodingEnabled(false)
                .get(URI.create(url))
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asByteArray();
    }

    @Test
    void aChargingSessionsReportIsStoredIndexedAndDownloadable() throws Exception {
        long first = session(T0, 10_000, 62_000, "EVDisconnected");
        long second = session(T0.plusSeconds(7200), 0, 1_500, "Local, \"early\"");
        session(T0.minusSeconds(86_400 * 10), 0, 9_000, "Other"); // outside the period

        ExtractableResponse<Response> created = generate("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/reports/" + id);
        assertThat(created.<String>path("status")).isEqualTo("READY");
        assertThat(created.<Integer>path("rows")).isEqualTo(2);
        assertThat(created.<String>path("objectKey"))
                .isEqualTo(workspace + "/charging-sessions/20261001T000000Z-20261101T000000Z/" + id + ".csv");

        String url = as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        byte[] file = fetch(url);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(created.<String>path("sha256"));
        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(csv.lines())
                .containsExactly(
                        "transactionId,chargePointId,evseId,connectorId,vehicleFleetNumber,vehicleVin,idToken,startedAt,"
                                + "endedAt,durationSeconds,energyKwh,stopReason,status",
                        csv.lines().toList().get(1),
                        csv.lines().toList().get(2));
        assertThat(csv.lines().toList().get(1))
                .startsWith(first + "," + chargePointId + ",1,1,BUS-7,")
                .contains(",2026-10-05T10:00:00Z,2026-10-05T11:30:00Z,5400,52.0")
                .endsWith(",EVDisconnected,Ended");
        assertThat(csv.lines().toList().get(2))
                .startsWith(Long.toString(second))
                .endsWith(",\"Local, \"\"early\"\"\",Ended");

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void energyPerDayCountsEachMeterRiseOnItsDayInTheDepotsZone() {
        session(T0, 10_000, 62_000, "EVDisconnected"); // 52 kWh on 5 October
        // 21:30Z is 23:30 in Berlin: 2 kWh before local midnight, 3 kWh after it
        Instant late = Instant.parse("2026-10-05T21:30:00Z");
        long id = (1L << 30) + ThreadLocalRandom.current().nextInt(1 << 29);
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(
                        chargePointId, Stage.STARTED, id, null, 1, 1, "TAG-" + chargePointId, 0L, late, null));
        transactions.metered(
                UUID.randomUUID().toString(), chargePointId, id, null, 2_000L, null, late.plusSeconds(1200));
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(
                        chargePointId, Stage.ENDED, id, null, 1, 1, null, 5_000L, late.plusSeconds(5400), "Local"));

        ExtractableResponse<Response> created = as(operator)
                .body(Map.of("kind", "ENERGY_PER_DAY", "from", "2026-10-01T00:00:00Z", "to", "2026-11-01T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(201)
                .extract();
        assertThat(created.<String>path("objectKey")).contains("/energy-per-day/");
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, created.path("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        List<String> lines =
                new String(fetch(url), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("day,depot,chargePointId,vehicleFleetNumber,vehicleVin,energyKwh,sessions");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith("2026-10-05,Depot ")
                .contains("," + chargePointId + ",BUS-7,")
                .endsWith(",54.0,2");
        assertThat(lines.get(2)).startsWith("2026-10-06,").endsWith(",3.0,1");
    }

    @Test
    void aPeriodWithoutSessionsIsAFileWithTheHeaderOnly() {
        ExtractableResponse<Response> created = generate("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.<Integer>path("rows")).isZero();
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, created.path("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        assertThat(new String(fetch(url), StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void anotherWorkspacesReportIsNotFound() {
        String id = generate("2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z").path("id");
        String other = newWorkspace();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", other, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/reports/{id}", workspace, id)
                .then()
                .statusCode(404);
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, UUID.randomUUID())
                .then()
                .statusCode(404);
        as(token("viewer", workspace))
                .body(Map.of("kind", "CHARGING_SESSIONS", "from", "2026-10-01T00:00:00Z", "to", "2026-10-02T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsNameTheField() {
        refused(Map.of("from", "2026-10-01T00:00:00Z", "to", "2026-10-02T00:00:00Z"), "kind");
        refused(
                Map.of("kind", "CHARGING_SESSIONS", "from", "2026-10-02T00:00:00Z", "to", "2026-10-01T00:00:00Z"),
                "from");
        refused(
                Map.of("kind", "CHARGING_SESSIONS", "from", "2024-10-02T00:00:00Z", "to", "2026-10-01T00:00:00Z"),
                "to");
        refused(Map.of("kind", "CHARGING_SESSIONS", "to", "2026-10-01T00:00:00Z"), "from");
        as(operator)
                .body(Map.of("kind", "EVERYTHING", "from", "2026-10-01T00:00:00Z", "to", "2026-10-02T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private void refused(Map<String, ?> body, String field) {
        as(operator)
                .body(body)
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aReportThatCannotBeStoredIsListedAsFailedWithTheReason() {
        TestServers.s3().cut();
        String id;
        try {
            ExtractableResponse<Response> refused = generate("2026-10-01T00:00:00Z", "2026-10-03T00:00:00Z");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.<String>path("type")).isEqualTo("https://depotops.io/problems/dependency-unavailable");
            id = refused.path("extensions.reportId");
        } finally {
            TestServers.s3().restore();
        }
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}", workspace, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", startsWith("storing the file failed"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(404);
    }

    @Test
    void anXlsxReportHoldsTheSameRowsAsTheCsvWithNumbersAsNumbers() throws Exception {
        long first = session(T0, 10_000, 62_000, "=HYPERLINK(\"http://evil\")");
        ExtractableResponse<Response> created = as(operator)
                .body(Map.of(
                        "kind", "CHARGING_SESSIONS",
                        "format", "XLSX",
                        "from", "2026-10-01T00:00:00Z",
                        "to", "2026-11-01T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(201)
                .extract();
        assertThat(created.<String>path("objectKey")).endsWith(".xlsx");
        assertThat(created.<Integer>path("rows")).isEqualTo(1);
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, created.path("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        byte[] file = given().urlEncodingEnabled(false)
                .get(URI.create(url))
                .then()
                .statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract()
                .asByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(created.<String>path("sha256"));
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("transactionId");
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("energyKwh");
            var row = sheet.getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo((double) first);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(chargePointId);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("2026-10-05T10:00:00Z");
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(52.0);
            // a value from a charger that looks like a formula is a text cell, never evaluated
            assertThat(row.getCell(11).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
        }
    }

    @Test
    void csvValuesThatASpreadsheetWouldEvaluateAreNeutralised() {
        session(T0, 0, 1_000, "@SUM(A1:A9)");
        String url = as(operator)
                .get(
                        "/api/v1/workspaces/{ws}/reports/{id}/download",
                        workspace,
                        generate("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z").<String>path("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        String csv = new String(fetch(url), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList().get(1)).contains(",'@SUM(A1:A9),");
    }

    @Test
    void aReportOfOneDepotLeavesOutTheOtherDepotsChargers() {
        session(T0, 0, 1_000, "Local");
        String otherDepot = newDepot(operator, workspace);
        as(operator)
                .body(Map.of(
                        "kind", "CHARGING_SESSIONS",
                        "depotId", otherDepot,
                        "from", "2026-10-01T00:00:00Z",
                        "to", "2026-11-01T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(201)
                .body("rows", equalTo(0));
        as(operator)
                .body(Map.of(
                        "kind", "CHARGING_SESSIONS",
                        "depotId", UUID.randomUUID().toString(),
                        "from", "2026-10-01T00:00:00Z",
                        "to", "2026-11-01T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("depotId"));
    }

    @Test
    void theRetentionSweepDeletesExpiredFilesAndTheirIndexEntries() {
        session(T0, 0, 1_000, "Local");
        String id = generate("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z").path("id");
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        fetch(url);

        assertThat(reports.sweepExpired(Instant.now(), 1000))
                .as("nothing has expired yet")
                .isZero();
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}", workspace, id)
                .then()
                .statusCode(200);

        assertThat(reports.sweepExpired(Instant.now().plus(java.time.Duration.ofDays(91)), 100_000))
                .isGreaterThanOrEqualTo(1);
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}", workspace, id)
                .then()
                .statusCode(404);
        as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // the file itself is gone from S3, not only its index entry
        given().urlEncodingEnabled(false).get(URI.create(url)).then().statusCode(404);
        assertThat(reports.sweepExpired(Instant.now().plus(java.time.Duration.ofDays(91)), 100_000))
                .as("a second sweep finds nothing left")
                .isZero();
    }
}
