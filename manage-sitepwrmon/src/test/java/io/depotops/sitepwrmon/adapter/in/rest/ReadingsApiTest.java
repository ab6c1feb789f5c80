package io.depotops.sitepwrmon.adapter.in.rest;

import static io.depotops.sitepwrmon.MeterFixtures.meter;
import static io.depotops.sitepwrmon.MeterFixtures.reading;
import static io.depotops.sitepwrmon.MeterFixtures.upload;
import static io.depotops.sitepwrmon.PowerFixtures.as;
import static io.depotops.sitepwrmon.PowerFixtures.create;
import static io.depotops.sitepwrmon.PowerFixtures.newId;
import static io.depotops.sitepwrmon.PowerFixtures.node;
import static io.depotops.sitepwrmon.PowerFixtures.root;
import static io.depotops.sitepwrmon.PowerFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readings through the REST upload: refusals, duplicates, order, the series in three resolutions. */
@QuarkusTest
class ReadingsApiTest {

    private final String workspace = newId();
    private final String site = newId();
    private final String meterId = "M-" + newId().substring(0, 8);
    private String nodeId;

    private void board() {
        String grid = root(workspace, site, 500.0, null);
        nodeId = create(workspace, node(site, grid, "SWITCHBOARD", "board"));
        meter(workspace, meterId, nodeId, Map.of());
    }

    private JsonPath series(Instant from, Instant to, String resolution, String cursor, int limit) {
        return as(token("viewer", workspace))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("resolution", resolution)
                .queryParam("limit", limit)
                .queryParam("cursor", cursor == null ? "" : cursor)
                .get("/api/v1/workspaces/{ws}/nodes/{id}/readings", workspace, nodeId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aBatchIsStoredOnceAndDuplicatesChangeNothing() {
        board();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        List<Map<String, Object>> batch =
                List.of(reading(meterId, t, 1000, 4.5), reading(meterId, t.plusSeconds(1), 2000, 9));
        upload(workspace, batch).statusCode(200).body("stored", equalTo(2)).body("duplicates", equalTo(0));
        upload(workspace, batch).statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));
        JsonPath raw = series(t.minusSeconds(1), t.plusSeconds(5), "RAW", null, 100);
        assertThat(raw.getList("items")).hasSize(2);
        assertThat(raw.getDouble("items[1].powerW.l2")).isEqualTo(2000.0);
        assertThat(raw.getDouble("items[0].currentA.l3")).isEqualTo(4.5);
    }

    @Test
    void aLateReadingIsStoredButDoesNotMoveTheLiveLoadBack() {
        board();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(10);
        upload(workspace, List.of(reading(meterId, t, 3000, 13))).statusCode(200);
        upload(workspace, List.of(reading(meterId, t.minusSeconds(5), 1000, 4))).statusCode(200);
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/nodes/{id}/load", workspace, nodeId)
                .then()
                .statusCode(200)
                .body("loadKw", equalTo(9.0f))
                .body("time", equalTo(t.toString()))
                .body("meterId", equalTo(meterId));
    }

    @Test
    void readingsWithABadTimeOrAnUnknownMeterAreRefusedWholeWithEachFieldNamed() {
        board();
        Instant now = Instant.now();
        upload(
                        workspace,
                        List.of(
                                reading(meterId, now.minusSeconds(1), 100, 1),
                                reading(meterId, now.plus(Duration.ofHours(1)), 100, 1),
                                reading(meterId, now.minus(Duration.ofDays(30)), 100, 1),
                                reading("no-such-meter", now, 100, 1)))
                .statusCode(400)
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors.field", hasItems("readings[1].time", "readings[2].time", "readings[3].meterId"))
                .body("errors.message", hasItem(containsString("future")));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/nodes/{id}/load", workspace, nodeId)
                .then()
                .body("time", nullValue());
        Map<String, Object> unitless = reading(meterId, now, 100, 1);
        unitless.put("energyWh", -5);
        upload(workspace, List.of(unitless)).statusCode(400).body("errors.field", hasItem(containsString("energyWh")));
        as(token("operator", newId()))
                .body(Map.of("readings", List.of(reading(meterId, now, 1, 1))))
                .post("/api/v1/workspaces/{ws}/readings", workspace)
                .then()
                .statusCode(404);
    }

    @Test
    void theRollupsAverageEachMinuteAndQuarterHourAndThePagesFollowTheCursor() {
        board();
        // Two whole minutes, 10 s apart, ending at least two minutes ago (inside one quarter hour
        // or two; the quarter-hour sums are checked over the whole range).
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(4));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double watts = i < 6 ? 1000 : 3000;
            batch.add(reading(meterId, start.plusSeconds(i * 10L), watts, watts / 230));
        }
        upload(workspace, batch).statusCode(200).body("stored", equalTo(12));

        JsonPath minutes = series(start, start.plus(Duration.ofMinutes(2)), "MINUTE", null, 100);
        assertThat(minutes.getList("items")).hasSize(2);
        assertThat(minutes.getString("items[0].time")).isEqualTo(start.toString());
        assertThat(minutes.getDouble("items[0].powerW.l1")).isEqualTo(1000.0);
        assertThat(minutes.getDouble("items[1].powerW.l1")).isEqualTo(3000.0);
        assertThat(minutes.getInt("items[1].samples")).isEqualTo(6);
        assertThat(minutes.getDouble("items[1].maxCurrentA.l2"))
                .isCloseTo(3000.0 / 230, org.assertj.core.data.Offset.offset(1e-4));

        JsonPath quarters = series(
                start.minus(Duration.ofMinutes(15)), start.plus(Duration.ofMinutes(15)), "QUARTER_HOUR", null, 100);
        int samples = quarters.getList("items.samples", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(samples).isEqualTo(12);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = series(start, start.plus(Duration.ofMinutes(2)), "RAW", cursor, 5);
            seen.addAll(page.getList("items.time"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates().isSorted();

        as(token("viewer", workspace))
                .queryParam("from", start.toString())
                .queryParam("to", start.minusSeconds(60).toString())
                .get("/api/v1/workspaces/{ws}/nodes/{id}/readings", workspace, nodeId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        as(token("viewer", workspace))
                .queryParam("from", start.toString())
                .queryParam("to", start.plusSeconds(60).toString())
                .queryParam("resolution", "HOURLY")
                .get("/api/v1/workspaces/{ws}/nodes/{id}/readings", workspace, nodeId)
                .then()
                .statusCode(400);
    }

    @Test
    void aMeterIsOnePerNodeAndTheNodeKeepsItsMeterUntilItIsRemoved() {
        board();
        as(token("admin", workspace))
                .body(Map.of("nodeId", nodeId, "protocol", "MQTT"))
                .put("/api/v1/workspaces/{ws}/meters/{id}", workspace, "other-meter")
                .then()
                .statusCode(409)
                .body("extensions.conflictingField", equalTo("nodeId"));
        as(token("admin", workspace))
                .body(Map.of("nodeId", nodeId, "protocol", "MODBUS_TCP"))
                .put("/api/v1/workspaces/{ws}/meters/{id}", workspace, "modbus-without-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("modbus"));
        as(token("admin", workspace))
                .header("If-Match", "\"1\"")
                .delete("/api/v1/workspaces/{ws}/nodes/{id}", workspace, nodeId)
                .then()
                .statusCode(409);
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/meters", workspace)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].meterId", equalTo(meterId))
                .body("items[0].protocol", equalTo("REST"));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/modbus-register-maps", workspace)
                .then()
                .statusCode(200)
                .body("id", hasItems("eastron-sdm630", "carlo-gavazzi-em24"));
    }
}
