package io.depotops.core.adapter.in.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.scheduler.PollingFixtures.geotabAccount;
import static io.depotops.core.adapter.in.scheduler.PollingFixtures.policy;
import static io.depotops.core.adapter.in.scheduler.PollingFixtures.samsaraAccount;
import static io.depotops.core.adapter.in.scheduler.PollingFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.agroal.api.AgroalDataSource;
import io.depotops.core.application.TelematicsIngestService.Outcome;
import io.depotops.core.application.TelematicsPollService;
import io.depotops.core.application.TelematicsPollService.AccountPoll;
import io.depotops.core.application.TelematicsPollService.WorkspacePoll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduled provider polling against WireMock stand-ins for Samsara and Geotab, into the real ingest. */
@QuarkusTest
class TelematicsPollingTest {

    private static WireMockServer providers;

    @Inject
    TelematicsPollService polling;

    @Inject
    AgroalDataSource dataSource;

    private String workspace;
    private String operator;
    private String depot;
    /** Each test's stubs live under a path of their own. */
    private String prefix;

    @BeforeAll
    static void startProviders() {
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
    }

    @AfterAll
    static void stopProviders() {
        providers.stop();
    }

    @BeforeEach
    void workspaceWithADepot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        prefix = "/" + UUID.randomUUID();
    }

    @Test
    void samsaraPagesBecomeSnapshotAndHistoryAndTheNextPollContinuesAtTheCursor() {
        String bus = vehicle(operator, workspace, depot, "samsara", "281474");
        Instant t1 = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant t2 = t1.plusSeconds(60);
        Instant t3 = t2.plusSeconds(60);
        stubSamsara(null, "c1", true, samsaraVehicle("281474", t1, 80_500, 120_345_500, 10));
        stubSamsara("c1", "c2", false, samsaraVehicle("281474", t2, 81_500, 120_346_500, 0), unknownVehicle(t2));
        samsaraAccount(operator, workspace, providers.baseUrl() + prefix + "/samsara", "samsara-token-0001");
        policy(operator, workspace, "POLLING", "SAMSARA");

        AccountPoll first = pollOnly(Instant.now());

        assertThat(first.succeeded()).isTrue();
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.outcomes()).containsEntry(Outcome.ACCEPTED, 2).containsEntry(Outcome.REJECTED, 1);
        as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, bus)
                .then()
                .statusCode(200)
                .body("latest.provider", org.hamcrest.Matchers.equalTo("samsara"))
                .body("latest.stateOfChargePercent", org.hamcrest.Matchers.equalTo(81.5f))
                .body("latest.odometerKm", org.hamcrest.Matchers.equalTo(120346.5f))
                .body("latest.latitude", org.hamcrest.Matchers.equalTo(53.55f))
                .body("latest.speedKmh", org.hamcrest.Matchers.equalTo(0.0f));
        assertThat(history(bus)).isEqualTo(2);
        assertThat(rejectionReasons()).contains("unknown device");

        stubSamsara("c2", "c3", false, samsaraVehicle("281474", t3, 82_000, 120_347_500, 0));
        AccountPoll second = pollOnly(Instant.now().plusSeconds(61));

        assertThat(second.pages()).isEqualTo(1);
        providers.verify(
                1,
                getRequestedFor(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed"))
                        .withQueryParam("after", equalTo("c2")));
        assertThat(history(bus)).isEqualTo(3);
        as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, bus)
                .then()
                .body("latest.stateOfChargePercent", org.hamcrest.Matchers.equalTo(82.0f));
    }

    @Test
    void geotabFeedsArePagedByVersionAndAnExpiredSessionIsRenewedOnce() {
        String van = vehicle(operator, workspace, depot, "geotab", "b1A");
        Instant t1 = Instant.now().minus(4, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant t2 = t1.plusSeconds(90);
        stubGeotabAuthentication();
        // results-limit is 2 in tests: a full StatusData page means more is waiting.
        stubGeotabFeed(
                "StatusData",
                null,
                "sd-1",
                statusData("b1A", t1, "DiagnosticStateOfChargeId", 77.5),
                statusData("b1A", t1, "DiagnosticOdometerId", 250_000_000.0));
        stubGeotabFeed("LogRecord", null, "lr-1", logRecord("b1A", t1.minusSeconds(10), 48.137, 11.575, 42.0));
        stubGeotabFeed("StatusData", "sd-1", "sd-2", statusData("b1A", t2, "DiagnosticStateOfChargeId", 78.0));
        stubGeotabFeed("LogRecord", "lr-1", "lr-1");
        geotabAccount(operator, workspace, providers.baseUrl() + prefix + "/geotab", "geotab-password-9876");
        policy(operator, workspace, "POLLING", "GEOTAB");

        AccountPoll poll = pollOnly(Instant.now());

        assertThat(poll.error()).isNull();
        assertThat(poll.pages()).isEqualTo(2);
        assertThat(poll.outcomes()).containsEntry(Outcome.ACCEPTED, 2);
        providers.verify(
                2,
                postRequestedFor(urlPathEqualTo(prefix + "/geotab/apiv1"))
                        .withRequestBody(matchingJsonPath("$.method", equalTo("Authenticate"))));
        assertThat(history(van)).isEqualTo(2);
        as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics/history", workspace, van)
                .then()
                .body("[1].stateOfChargePercent", org.hamcrest.Matchers.equalTo(77.5f))
                .body("[1].odometerKm", org.hamcrest.Matchers.equalTo(250000.0f))
                .body("[1].latitude", org.hamcrest.Matchers.equalTo(48.137f))
                .body("[1].speedKmh", org.hamcrest.Matchers.equalTo(42.0f))
                .body("[0].stateOfChargePercent", org.hamcrest.Matchers.equalTo(78.0f));
    }

    @Test
    void aRateLimitedProviderBacksOffWhileTheOtherProviderKeepsPolling() {
        vehicle(operator, workspace, depot, "geotab", "b77");
        Instant t1 = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        providers.stubFor(get(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")));
        stubGeotabAuthentication();
        stubGeotabFeed("StatusData", null, "sd-1", statusData("b77", t1, "DiagnosticStateOfChargeId", 55.0));
        stubGeotabFeed("LogRecord", null, "lr-1");
        stubGeotabFeed("StatusData", "sd-1", "sd-1");
        stubGeotabFeed("LogRecord", "lr-1", "lr-1");
        String samsara = samsaraAccount(operator, workspace, providers.baseUrl() + prefix + "/samsara", "tok-429-0001");
        geotabAccount(operator, workspace, providers.baseUrl() + prefix + "/geotab", "geotab-password-5555");
        policy(operator, workspace, "POLLING", "SAMSARA", "GEOTAB");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<String, AccountPoll> first = byKind(pollWorkspace(now));

        assertThat(first.get("SAMSARA").error()).contains("429");
        assertThat(first.get("GEOTAB").succeeded()).isTrue();
        assertThat(first.get("GEOTAB").outcomes()).containsEntry(Outcome.ACCEPTED, 1);
        as(operator)
                .get("/api/v1/workspaces/{ws}/telematics/provider-accounts/{id}", workspace, samsara)
                .then()
                .statusCode(200)
                .body("health.consecutiveFailures", org.hamcrest.Matchers.equalTo(1))
                .body("health.lastError", containsString("rate limit"))
                .body(
                        "health.nextAttemptAt",
                        org.hamcrest.Matchers.equalTo(now.plusSeconds(300).toString()));
        as(operator)
                .get("/api/v1/workspaces/{ws}/telematics/freshness", workspace)
                .then()
                .statusCode(200)
                .body("polledProviders", hasSize(2))
                .body(
                        "polledProviders.find { it.provider == 'samsara' }.errorRate",
                        org.hamcrest.Matchers.equalTo(0.2f))
                .body("polledProviders.find { it.provider == 'geotab' }.lastSuccessfulPollAt", notNullValue())
                .body("polledProviders.find { it.provider == 'geotab' }.lag", notNullValue());

        Map<String, AccountPoll> second = byKind(pollWorkspace(now.plusSeconds(61)));

        assertThat(second.get("SAMSARA").skipped()).contains("backing off");
        assertThat(second.get("GEOTAB").succeeded()).isTrue();
        providers.verify(1, getRequestedFor(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed")));
        io.restassured.RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "depotops_telematics_poll_attempts_total{outcome=\"failure\",provider=\"samsara\"}"))
                .body(containsString("depotops_telematics_poll_lag_seconds{account=\"" + samsara + "\""));
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverReturned() throws Exception {
        String secret = "samsara-secret-token-ABCD1234";
        String id = samsaraAccount(operator, workspace, "https://api.samsara.com", secret);

        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select credentials_ciphertext, credentials_key_id"
                        + " from telematics_provider_account where id = ?")) {
            q.setObject(1, UUID.fromString(id));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                byte[] stored = r.getBytes(1);
                assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                        .doesNotContain(secret)
                        .doesNotContain("ABCD1234");
                assertThat(stored.length).isGreaterThan(12 + 16);
                assertThat(r.getString(2)).isEqualTo("k1");
            }
        }
        String single = as(operator)
                .get("/api/v1/workspaces/{ws}/telematics/provider-accounts/{id}", workspace, id)
                .then()
                .statusCode(200)
                .body("credentials.set", org.hamcrest.Matchers.equalTo(true))
                .body("credentials.last4", org.hamcrest.Matchers.equalTo("1234"))
                .body("credentials.apiToken", nullValue())
                .extract()
                .asString();
        String list = as(operator)
                .get("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(single).doesNotContain(secret);
        assertThat(list).doesNotContain(secret);
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(403);
    }

    @Test
    void policyAndAccountRequestsAreValidatedFieldByField() {
        as(operator)
                .header("If-Match", "\"0\"")
                .body(Map.of("intervalSeconds", 10, "enabledProviders", List.of("TOMTOM"), "cutover", "SOMETIMES"))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("intervalSeconds", "cutover"))
                .body("errors.field", hasItem(containsString("enabledProviders")));
        as(operator)
                .body(Map.of("intervalSeconds", 60, "enabledProviders", List.of(), "cutover", "PAUSED"))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(428);
        as(operator)
                .header("If-Match", "\"7\"")
                .body(Map.of("intervalSeconds", 60, "enabledProviders", List.of(), "cutover", "PAUSED"))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(412);
        as(operator)
                .header("If-Match", "\"0\"")
                .body(Map.of("intervalSeconds", 3600, "enabledProviders", List.of("GEOTAB"), "cutover", "PAUSED"))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(200)
                .header("ETag", containsString("1"))
                .body("intervalSeconds", org.hamcrest.Matchers.equalTo(3600));
        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(200)
                .body("enabledProviders", hasItem("GEOTAB"));

        as(operator)
                .body(Map.of("kind", "TOMTOM", "baseUrl", "", "credentials", Map.of()))
                .post("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("kind", "baseUrl"));
        as(operator)
                .body(Map.of(
                        "kind", "GEOTAB", "baseUrl", "https://my.geotab.com", "credentials", Map.of("userName", "u")))
                .post("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("credentials.database"));
        as(operator)
                .body(Map.of("kind", "SAMSARA", "baseUrl", "ftp://files", "credentials", Map.of("apiToken", "t")))
                .post("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("baseUrl"));
        as(token("viewer", workspace))
                .header("If-Match", "\"1\"")
                .body(Map.of("intervalSeconds", 60, "enabledProviders", List.of(), "cutover", "PAUSED"))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(403);
    }

    @Test
    void streamingAndPausedWorkspacesAreNotPolled() {
        providers.stubFor(get(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed"))
                .willReturn(okJson(samsaraPage(null, false))));
        samsaraAccount(operator, workspace, providers.baseUrl() + prefix + "/samsara", "tok-cutover-01");
        policy(operator, workspace, "STREAMING", "SAMSARA");
        assertThat(polledWorkspaces(Instant.now())).doesNotContain(UUID.fromString(workspace));

        policy(operator, workspace, "PAUSED", "SAMSARA");
        assertThat(polledWorkspaces(Instant.now().plusSeconds(3600))).doesNotContain(UUID.fromString(workspace));
        providers.verify(0, getRequestedFor(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed")));

        policy(operator, workspace, "POLLING", "SAMSARA");
        assertThat(polledWorkspaces(Instant.now().plusSeconds(7200))).contains(UUID.fromString(workspace));
        providers.verify(1, getRequestedFor(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed")));
    }

    @Test
    void twoCoreInstancesPollEachDueWorkspaceExactlyOnce() throws Exception {
        String admin = token("admin", "*");
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            String ws = newWorkspace();
            String path = prefix + "/" + ws;
            providers.stubFor(get(urlPathEqualTo(path + "/fleet/vehicles/stats/feed"))
                    .willReturn(okJson(samsaraPage(null, false))));
            samsaraAccount(admin, ws, providers.baseUrl() + path, "tok-instance-" + i + "-0000");
            policy(admin, ws, "POLLING", "SAMSARA");
            mine.add(UUID.fromString(ws));
        }
        Instant now = Instant.now().plusSeconds(4 * 3600);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<WorkspacePoll>>> runs = new ArrayList<>();
            for (String instance : List.of("core-a", "core-b")) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return polling.pollDue(instance, now);
                }));
            }
            start.countDown();
            List<UUID> polledByA = ours(runs.get(0).get(), mine);
            List<UUID> polledByB = ours(runs.get(1).get(), mine);

            assertThat(polledByA).doesNotContainAnyElementsOf(polledByB).doesNotHaveDuplicates();
            assertThat(polledByB).doesNotHaveDuplicates();
            Set<UUID> all = new HashSet<>(polledByA);
            all.addAll(polledByB);
            assertThat(all).isEqualTo(mine);
            for (UUID ws : mine) {
                providers.verify(1, getRequestedFor(urlPathEqualTo(prefix + "/" + ws + "/fleet/vehicles/stats/feed")));
            }
        } finally {
            instances.shutdownNow();
        }
    }

    // --- polling helpers

    private List<AccountPoll> pollWorkspace(Instant now) {
        return polling.pollDue("test-instance", now).stream()
                .filter(p -> p.workspaceId().toString().equals(workspace))
                .findFirst()
                .orElseThrow(() -> new AssertionError("workspace was not polled"))
                .accounts();
    }

    private AccountPoll pollOnly(Instant now) {
        List<AccountPoll> accounts = pollWorkspace(now);
        assertThat(accounts).hasSize(1);
        return accounts.get(0);
    }

    private static Map<String, AccountPoll> byKind(List<AccountPoll> polls) {
        Map<String, AccountPoll> byKind = new java.util.HashMap<>();
        polls.forEach(p -> byKind.put(p.kind().name(), p));
        return byKind;
    }

    private List<UUID> polledWorkspaces(Instant now) {
        return polling.pollDue("test-instance", now).stream()
                .map(WorkspacePoll::workspaceId)
                .toList();
    }

    private static List<UUID> ours(List<WorkspacePoll> polled, Set<UUID> mine) {
        return polled.stream()
                .map(WorkspacePoll::workspaceId)
                .filter(mine::contains)
                .toList();
    }

    // --- Samsara stand-in

    private void stubSamsara(String after, String endCursor, boolean hasNextPage, String... vehicles) {
        providers.stubFor(get(urlPathEqualTo(prefix + "/samsara/fleet/vehicles/stats/feed"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                .withQueryParam("types", equalTo("gps,obdOdometerMeters,evStateOfChargeMilliPercent"))
                .withQueryParam("after", after == null ? absent() : equalTo(after))
                .willReturn(okJson(samsaraPage(endCursor, hasNextPage, vehicles))));
    }

    private static String samsaraPage(String endCursor, boolean hasNextPage, String... vehicles) {
        return "{\"data\":[" + String.join(",", vehicles) + "],\"pagination\":{\"endCursor\":"
                + (endCursor == null ? "\"\"" : "\"" + endCursor + "\"") + ",\"hasNextPage\":" + hasNextPage + "}}";
    }

    private static String samsaraVehicle(String id, Instant at, int socMilliPercent, long odometerMeters, int mph) {
        return """
                {"id":"%s","name":"Bus %s",
                 "gps":[{"time":"%s","latitude":53.55,"longitude":9.99,"headingDegrees":90,"speedMilesPerHour":%d}],
                 "obdOdometerMeters":[{"time":"%s","value":%d}],
                 "evStateOfChargeMilliPercent":[{"time":"%s","value":%d}]}
                """.formatted(id, id, at, mph, at.minusSeconds(5), odometerMeters, at, socMilliPercent);
    }

    private static String unknownVehicle(Instant at) {
        return samsaraVehicle("999999", at, 50_000, 1_000_000, 0);
    }

    // --- Geotab stand-in

    private void stubGeotabAuthentication() {
        String scenario = "session-" + prefix;
        providers.stubFor(post(urlPathEqualTo(prefix + "/geotab/apiv1"))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.method", equalTo("Authenticate")))
                .willReturn(okJson(authenticated("expired-session")))
                .willSetStateTo("renewed"));
        providers.stubFor(post(urlPathEqualTo(prefix + "/geotab/apiv1"))
                .inScenario(scenario)
                .whenScenarioStateIs("renewed")
                .withRequestBody(matchingJsonPath("$.method", equalTo("Authenticate")))
                .willReturn(okJson(authenticated("fresh-session"))));
        providers.stubFor(post(urlPathEqualTo(prefix + "/geotab/apiv1"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.method", equalTo("GetFeed")))
                .withRequestBody(matchingJsonPath("$.params.credentials.sessionId", equalTo("expired-session")))
                .willReturn(okJson("{\"error\":{\"message\":\"Incorrect login credentials\",\"code\":-32000,"
                        + "\"name\":\"JSONRPCError\",\"errors\":[{\"message\":\"Incorrect login credentials\","
                        + "\"name\":\"InvalidUserException\"}]}}")));
    }

    private static String authenticated(String sessionId) {
        return "{\"result\":{\"credentials\":{\"database\":\"fleet_db\",\"userName\":\"poller@fleet.example\","
                + "\"sessionId\":\"" + sessionId + "\"},\"path\":\"ThisServer\"}}";
    }

    private void stubGeotabFeed(String typeName, String fromVersion, String toVersion, String... records) {
        providers.stubFor(post(urlPathEqualTo(prefix + "/geotab/apiv1"))
                .atPriority(fromVersion == null ? 5 : 2)
                .withRequestBody(matchingJsonPath("$.method", equalTo("GetFeed")))
                .withRequestBody(matchingJsonPath("$.params.typeName", equalTo(typeName)))
                .withRequestBody(matchingJsonPath("$.params.credentials.sessionId", equalTo("fresh-session")))
                .withRequestBody(
                        fromVersion == null
                                ? matchingJsonPath("$.params.search.fromDate")
                                : matchingJsonPath("$.params.fromVersion", equalTo(fromVersion)))
                .willReturn(okJson("{\"result\":{\"data\":[" + String.join(",", records) + "],\"toVersion\":\""
                        + toVersion + "\"},\"jsonrpc\":\"2.0\"}")));
    }

    private static String statusData(String device, Instant at, String diagnostic, double value) {
        return "{\"id\":\"b" + UUID.randomUUID().toString().substring(0, 6) + "\",\"dateTime\":\"" + at
                + "\",\"data\":" + value + ",\"device\":{\"id\":\"" + device + "\"},\"diagnostic\":{\"id\":\""
                + diagnostic + "\"}}";
    }

    private static String logRecord(String device, Instant at, double latitude, double longitude, double speed) {
        return "{\"id\":\"b" + UUID.randomUUID().toString().substring(0, 6) + "\",\"dateTime\":\"" + at
                + "\",\"latitude\":" + latitude + ",\"longitude\":" + longitude + ",\"speed\":" + speed
                + ",\"device\":{\"id\":\"" + device + "\"}}";
    }

    // --- database reads

    private int history(String vehicleId) {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics/history", workspace, vehicleId)
                .then()
                .statusCode(200)
                .extract()
                .path("size()");
    }

    private String rejectionReasons() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select coalesce(string_agg(reason, ' | '), '') from telematics_rejection where workspace_id = ?")) {
            q.setObject(1, UUID.fromString(workspace));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
