package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.asConnect;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.secrets.ChargerPasswords;
import io.depotops.platform.testing.DevServiceTokens;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core's registry feed, which manage-connect admits chargers and authorises tokens from (ADR 0010). */
@QuarkusTest
class RegistryFeedTest {

    private static final String FEED = "/internal/v1/registry";

    private String workspace;
    private String operator;
    private String site;
    private String depot;

    @BeforeEach
    void workspaceWithSite() {
        workspace = newWorkspace();
        operator = token("admin", workspace);
        depot = newDepot(operator, workspace);
        site = newSite(operator, workspace, depot);
    }

    private static long head() {
        return asConnect()
                .get(FEED + "/changes?after=0&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("head");
    }

    private static JsonPath changesAfter(long seq) {
        return asConnect()
                .get(FEED + "/changes?after={after}&limit=1000", seq)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String register(String chargePointId) {
        return as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aRegisteredChargerEntersTheFeedWithAVerifierOfItsPasswordAndIsAnnounced() throws Exception {
        long before = head();
        String chargePointId = uniqueChargePointId();
        try (TestQueue announcements = TestQueue.bind(Exchanges.EVENTS, EventTypes.CORE_REGISTRY_CHANGED_V1)) {
            register(chargePointId);

            JsonPath changes = changesAfter(before);
            assertThat(changes.getList("entries")).hasSize(1);
            long seq = changes.getLong("entries[0].seq");
            assertThat(seq).isEqualTo(before + 1);
            assertThat(changes.getLong("head")).isEqualTo(seq);
            assertThat(changes.getString("entries[0].kind")).isEqualTo("CHARGER");
            assertThat(changes.getString("entries[0].key")).isEqualTo(chargePointId);
            assertThat(changes.getString("entries[0].workspaceId")).isEqualTo(workspace);
            assertThat(changes.getString("entries[0].ocppVersion")).isEqualTo("1.6");
            assertThat(changes.getInt("entries[0].securityProfile")).isEqualTo(1);
            assertThat(changes.getBoolean("entries[0].removed")).isFalse();
            String verifier = changes.getString("entries[0].passwordVerifier");
            assertThat(new ChargerPasswords().matches("correct-horse-battery", verifier))
                    .isTrue();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(announcements.deliveries())
                            .anySatisfy(delivery -> assertThat(new String(
                                            DepotopsEvents.deserialize(delivery.body())
                                                    .getData()
                                                    .toBytes(),
                                            StandardCharsets.UTF_8))
                                    .isEqualTo("{\"seq\":" + seq + "}")));
        }
    }

    @Test
    void aChangedPasswordAndARemovalMoveTheEntryOn() {
        String chargePointId = uniqueChargePointId();
        String id = register(chargePointId);
        long registered = head();
        Map<String, Object> changed = new HashMap<>(charger(site, chargePointId));
        changed.put("password", "another-password-4567");
        long version = as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        as(operator)
                .header("If-Match", "\"" + version + "\"")
                .body(changed)
                .put("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                .then()
                .statusCode(200);

        JsonPath afterUpdate = changesAfter(registered);
        assertThat(afterUpdate.getList("entries")).hasSize(1);
        assertThat(new ChargerPasswords()
                        .matches("another-password-4567", afterUpdate.getString("entries[0].passwordVerifier")))
                .isTrue();

        long updated = afterUpdate.getLong("head");
        as(operator)
                .header("If-Match", "\"" + (version + 1) + "\"")
                .delete("/api/v1/workspaces/{ws}/chargers/{id}", workspace, id)
                .then()
                .statusCode(204);
        JsonPath afterRemoval = changesAfter(updated);
        assertThat(afterRemoval.getBoolean("entries[0].removed")).isTrue();
        assertThat(afterRemoval.getString("entries[0].passwordVerifier")).isNull();
        asConnect()
                .get(FEED + "/chargers/{cp}", chargePointId)
                .then()
                .statusCode(200)
                .body("removed", org.hamcrest.Matchers.is(true));
    }

    @Test
    void aVehiclesIdTagEntersTheFeedAndAChangedTagRemovesTheOldOne() {
        long before = head();
        String tag = "TAG-" + uniqueChargePointId();
        Map<String, Object> vehicle = new HashMap<>(Map.of(
                "vin", uniqueVin(), "fleetNumber", "F-" + tag, "batteryKwh", 300, "idTag", tag, "depotId", depot));
        String id = as(operator)
                .body(vehicle)
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath added = changesAfter(before);
        assertThat(added.getString("entries[0].kind")).isEqualTo("ID_TOKEN");
        assertThat(added.getString("entries[0].key")).isEqualTo(tag);
        assertThat(added.getString("entries[0].vehicleId")).isEqualTo(id);
        asConnect()
                .get(FEED + "/id-tokens/{ws}/{tag}", workspace, tag)
                .then()
                .statusCode(200)
                .body("vehicleId", org.hamcrest.Matchers.equalTo(id));

        vehicle.put("idTag", tag + "-NEW");
        as(operator)
                .header("If-Match", "\"0\"")
                .body(vehicle)
                .put("/api/v1/workspaces/{ws}/vehicles/{id}", workspace, id)
                .then()
                .statusCode(200);
        JsonPath changed = changesAfter(added.getLong("head"));
        assertThat(changed.getList("entries.key")).containsExactly(tag, tag + "-NEW");
        assertThat(changed.getList("entries.removed")).containsExactly(true, false);
    }

    @Test
    void registryWritesCommitInSequenceOrderWithoutGaps() throws Exception {
        long before = head();
        int chargers = 20;
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < chargers; i++) {
                registered.add(pool.submit(() -> register(uniqueChargePointId())));
            }
            for (Future<String> one : registered) {
                one.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath changes = changesAfter(before);
        List<Long> seqs = changes.getList("entries.seq", Long.class);
        assertThat(seqs).hasSize(chargers);
        for (int i = 0; i < chargers; i++) {
            assertThat(seqs.get(i)).isEqualTo(before + 1 + i);
        }
    }

    @Test
    void pagesEndAtTheHeadAndBadParametersAreProblems() {
        long head = head();
        asConnect()
                .get(FEED + "/changes?after={after}", head)
                .then()
                .statusCode(200)
                .body("entries", org.hamcrest.Matchers.empty());
        asConnect().get(FEED + "/changes?after=-1").then().statusCode(400).contentType("application/problem+json");
        asConnect().get(FEED + "/changes?limit=0").then().statusCode(400).contentType("application/problem+json");
        asConnect().get(FEED + "/chargers/NO-SUCH-CHARGER").then().statusCode(404);
    }

    @Test
    void onlyConnectReadsTheFeed() {
        given().get(FEED + "/changes").then().statusCode(404);
        given().auth().oauth2(token("admin", "*")).get(FEED + "/changes").then().statusCode(404);
        int internal = io.quarkus.arc.Arc.container()
                .instance(io.depotops.platform.serviceauth.InternalListener.class)
                .get()
                .port();
        given().port(internal).get(FEED + "/changes").then().statusCode(401);
        given().port(internal)
                .auth()
                .oauth2(DevServiceTokens.token("telematics", "manage-core"))
                .get(FEED + "/changes")
                .then()
                .statusCode(401);
    }
}
