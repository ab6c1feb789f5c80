package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.depotops.core.application.MessageLogService;
import io.depotops.core.domain.OcppMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message log in DynamoDB Local: filter by action, a CALL followed to its answer, a charger's log as a report. */
@QuarkusTest
class MessageLogExchangeTest {

    @Inject
    MessageLogService log;

    private String workspace;
    private String operator;
    private String chargePointId;
    private String chargerId;
    private Instant base;

    @BeforeEach
    void chargerWithTraffic() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        chargePointId = uniqueChargePointId();
        chargerId = as(operator)
                .body(charger(newSite(operator, workspace, newDepot(operator, workspace)), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        base = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        List<OcppMessage> frames = new ArrayList<>();
        frames.add(frame(0, "in", "[2,\"b1\",\"BootNotification\",{\"chargePointModel\":\"X\"}]"));
        // the same id the other way round is a CALL of the central system, not the answer
        frames.add(frame(100, "out", "[2,\"b1\",\"GetConfiguration\",{}]"));
        frames.add(frame(250, "out", "[3,\"b1\",{\"status\":\"Accepted\",\"interval\":300}]"));
        for (int i = 0; i < 12; i++) {
            frames.add(frame(1_000 + i * 1_000, "in", "[2,\"h" + i + "\",\"Heartbeat\",{}]"));
            frames.add(frame(1_010 + i * 1_000, "out", "[3,\"h" + i + "\",{\"currentTime\":\"x\"}]"));
        }
        frames.add(frame(20_000, "out", "[2,\"r1\",\"RemoteStartTransaction\",{\"idTag\":\"T\"}]"));
        frames.add(frame(20_400, "in", "[4,\"r1\",\"NotSupported\",\"no\",{}]"));
        frames.add(frame(30_000, "in", "[2,\"b2\",\"BootNotification\",{}]")); // never answered
        frames.add(frame(31_000, "in", "not json"));
        log.recordAll(frames);
    }

    private OcppMessage frame(long offsetMillis, String direction, String frame) {
        return new OcppMessage(
                chargePointId,
                base.plusMillis(offsetMillis),
                direction,
                "ocpp1.6",
                "s-1",
                frame,
                UUID.randomUUID().toString());
    }

    private JsonPath messages(Map<String, Object> query) {
        Map<String, Object> params = new HashMap<>(query);
        params.putIfAbsent("from", base.toString());
        return as(operator)
                .queryParams(params)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages", workspace, chargerId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String keyOf(String frame) {
        JsonPath all = messages(Map.of("limit", 1000));
        int index = all.getList("items.frame").indexOf(frame);
        assertThat(index).as(frame).isNotNegative();
        return all.getString("items[" + index + "].key");
    }

    @Test
    void framesCarryTheirEnvelopeAndFilterByAction() {
        JsonPath all = messages(Map.of("limit", 1000));
        assertThat(all.getList("items")).hasSize(31);
        assertThat(all.getString("items[0].messageType")).isEqualTo("UNREADABLE");
        assertThat(all.getString("items[1].action")).isEqualTo("BootNotification");
        assertThat(all.getString("items[1].messageId")).isEqualTo("b2");

        JsonPath boots = messages(Map.of("action", "BootNotification", "limit", 10));
        assertThat(boots.getList("items.messageId")).containsExactly("b2", "b1");
        assertThat(boots.getList("items.messageType")).containsOnly("CALL");
        assertThat(boots.getString("nextCursor")).isNull();

        // one per page through interleaved answers, newest first, nothing lost or repeated
        List<String> heartbeats = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new HashMap<>(Map.of("action", "Heartbeat", "limit", 5));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = messages(query);
            heartbeats.addAll(page.getList("items.messageId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(heartbeats)
                .containsExactly("h11", "h10", "h9", "h8", "h7", "h6", "h5", "h4", "h3", "h2", "h1", "h0");

        assertThat(messages(Map.of("action", "StopTransaction")).getList("items"))
                .isEmpty();
        as(operator)
                .queryParam("action", "Boot-Notification")
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages", workspace, chargerId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("action"));
    }

    @Test
    void aCallIsFollowedToItsResultOrErrorInTheOtherDirection() {
        String boot = keyOf("[2,\"b1\",\"BootNotification\",{\"chargePointModel\":\"X\"}]");
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", workspace, chargerId, boot)
                .then()
                .statusCode(200)
                .body("call.messageId", equalTo("b1"))
                .body("answer.messageType", equalTo("CALLRESULT"))
                .body("answer.direction", equalTo("out"))
                .body("answer.frame", equalTo("[3,\"b1\",{\"status\":\"Accepted\",\"interval\":300}]"))
                .body("latencyMillis", equalTo(250));

        String remoteStart = keyOf("[2,\"r1\",\"RemoteStartTransaction\",{\"idTag\":\"T\"}]");
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", workspace, chargerId, remoteStart)
                .then()
                .statusCode(200)
                .body("answer.messageType", equalTo("CALLERROR"))
                .body("latencyMillis", equalTo(400));

        String unanswered = keyOf("[2,\"b2\",\"BootNotification\",{}]");
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", workspace, chargerId, unanswered)
                .then()
                .statusCode(200)
                .body("answer", nullValue())
                .body("latencyMillis", nullValue());
    }

    @Test
    void onlyACallOfThisChargerCanBeFollowed() {
        String answer = keyOf("[3,\"b1\",{\"status\":\"Accepted\",\"interval\":300}]");
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", workspace, chargerId, answer)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("key"));
        as(operator)
                .get(
                        "/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange",
                        workspace,
                        chargerId,
                        "bm90LWEta2V5")
                .then()
                .statusCode(404);
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", workspace, chargerId, "%%%")
                .then()
                .statusCode(404);
        String boot = keyOf("[2,\"b2\",\"BootNotification\",{}]");
        String other = newWorkspace();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages/{key}/exchange", other, chargerId, boot)
                .then()
                .statusCode(404);
    }

    @Test
    void aChargersLogIsExportedAsAReportOldestFirst() {
        String id = as(operator)
                .body(Map.of(
                        "kind",
                        "CHARGER_MESSAGE_LOG",
                        "chargerId",
                        chargerId,
                        "from",
                        base.toString(),
                        "to",
                        base.plusSeconds(25).toString()))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(201)
                .body("rows", equalTo(29)) // not the unanswered boot nor the unreadable frame, after the period
                .extract()
                .path("id");
        String url = as(operator)
                .get("/api/v1/workspaces/{ws}/reports/{id}/download", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        List<String> lines = new String(
                        given().urlEncodingEnabled(false)
                                .get(URI.create(url))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.getFirst()).isEqualTo("at,direction,ocppVersion,messageType,messageId,action,frame");
        assertThat(lines.get(1))
                .startsWith(base + ",in,ocpp1.6,CALL,b1,BootNotification,")
                .endsWith(",\"[2,\"\"b1\"\",\"\"BootNotification\"\",{\"\"chargePointModel\"\":\"\"X\"\"}]\"");
        assertThat(lines.getLast()).contains(",CALLERROR,r1,,");

        as(operator)
                .body(Map.of(
                        "kind",
                        "CHARGER_MESSAGE_LOG",
                        "from",
                        base.toString(),
                        "to",
                        base.plusSeconds(25).toString()))
                .post("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargerId"));
        String other = newWorkspace();
        as(token("admin", other))
                .body(Map.of(
                        "kind",
                        "CHARGER_MESSAGE_LOG",
                        "chargerId",
                        chargerId,
                        "from",
                        base.toString(),
                        "to",
                        base.plusSeconds(25).toString()))
                .post("/api/v1/workspaces/{ws}/reports", other)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargerId"));
    }
}
