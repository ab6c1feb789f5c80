package io.depotops.connect.ocpp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.depotops.chargepointsim.Frames;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * manage-core's core link, stood in by WireMock on a random port. Chargers by id: {@code
 * *-UNKNOWN} unknown to core, password {@code secret} required from {@code *-AUTH}, {@code
 * *-PENDING} and {@code *-REJECTED} boot so, {@code *-CORE-DOWN} core never answers its boot in time.
 * Transactions: core allocates 1001 (1002 for token {@code UNKNOWN-TAG}, answered Unknown); {@code
 * *-TXDOWN} core never answers in time, {@code *-TXRESET} core resets the connection. Tests add
 * their own ids per charger with {@link #startsTransaction}.
 */
public class CoreStub implements QuarkusTestResourceLifecycleManager {

    static final String BASE = "/internal/v1/core-link";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(BASE + "/handshake")).atPriority(10).willReturn(okJson("{\"accepted\":true}")));
        server.stubFor(post(urlEqualTo(BASE + "/handshake"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-UNKNOWN")))
                .willReturn(okJson("{\"accepted\":false,\"reason\":\"unknown charge point\"}")));
        server.stubFor(post(urlEqualTo(BASE + "/handshake"))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-AUTH")))
                .withRequestBody(matchingJsonPath("$.password", equalTo("secret")))
                .willReturn(okJson("{\"accepted\":true}")));
        server.stubFor(post(urlEqualTo(BASE + "/handshake"))
                .atPriority(3)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-AUTH")))
                .willReturn(okJson("{\"accepted\":false,\"reason\":\"wrong password\"}")));

        server.stubFor(post(urlEqualTo(BASE + "/boot"))
                .atPriority(10)
                .willReturn(okJson("{\"status\":\"Accepted\",\"intervalSeconds\":300}")));
        server.stubFor(post(urlEqualTo(BASE + "/boot"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-PENDING")))
                .willReturn(okJson("{\"status\":\"Pending\",\"intervalSeconds\":60}")));
        server.stubFor(post(urlEqualTo(BASE + "/boot"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-REJECTED")))
                .willReturn(okJson("{\"status\":\"Rejected\",\"intervalSeconds\":120}")));
        server.stubFor(post(urlEqualTo(BASE + "/boot"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-CORE-DOWN")))
                .willReturn(aResponse()
                        .withFixedDelay(5000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"Accepted\",\"intervalSeconds\":300}")));

        server.stubFor(
                post(urlEqualTo(BASE + "/authorize")).atPriority(10).willReturn(okJson("{\"status\":\"Accepted\"}")));
        server.stubFor(post(urlEqualTo(BASE + "/authorize"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.idToken", equalTo("BLOCKED-TAG")))
                .willReturn(okJson("{\"status\":\"Blocked\"}")));
        server.stubFor(post(urlEqualTo(BASE + "/authorize"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.idToken", equalTo("UNKNOWN-TAG")))
                .willReturn(okJson("{\"status\":\"Unknown\"}")));

        server.stubFor(post(urlEqualTo(BASE + "/transactions"))
                .atPriority(10)
                .willReturn(okJson(transaction(1001, "Accepted"))));
        server.stubFor(post(urlEqualTo(BASE + "/transactions"))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.idToken", equalTo("UNKNOWN-TAG")))
                .willReturn(okJson(transaction(1002, "Unknown"))));
        server.stubFor(post(urlEqualTo(BASE + "/transactions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-TXDOWN")))
                .willReturn(aResponse()
                        .withFixedDelay(5000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(transaction(1003, "Accepted"))));
        server.stubFor(post(urlEqualTo(BASE + "/transactions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chargePointId", matching(".*-TXRESET")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // Core's internal listener refuses a call without a service token (ADR 0008).
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(BASE + "/.*"))
                .atPriority(0)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.notMatching("Bearer .+"))
                .willReturn(aResponse().withStatus(401)));
        return Map.of("quarkus.rest-client.core.url", server.baseUrl());
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matching(String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(regex);
    }

    static String transaction(long id, String status) {
        return "{\"transactionId\":" + id + ",\"authorization\":{\"status\":\"" + status + "\"}}";
    }

    /** Core allocates {@code id} to the transactions {@code chargePointId} starts (unless the token is unknown). */
    static void startsTransaction(String chargePointId, long id) {
        server.stubFor(post(urlEqualTo(BASE + "/transactions"))
                .atPriority(5)
                .withRequestBody(matchingJsonPath("$.chargePointId", equalTo(chargePointId)))
                .willReturn(okJson(transaction(id, "Accepted"))));
    }

    /** The bodies of the transaction starts {@code chargePointId} caused at core, oldest first. */
    static java.util.List<com.fasterxml.jackson.databind.JsonNode> transactionRequests(String chargePointId) {
        return server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlEqualTo(BASE + "/transactions"))
                        .withRequestBody(matchingJsonPath("$.chargePointId", equalTo(chargePointId))))
                .stream()
                .map(request -> {
                    try {
                        return Frames.JSON.readTree(request.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The Authorization headers of the handshakes {@code chargePointId} caused at core. */
    static java.util.List<String> handshakeAuthorizations(String chargePointId) {
        return server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlEqualTo(BASE + "/handshake"))
                        .withRequestBody(matchingJsonPath("$.chargePointId", equalTo(chargePointId))))
                .stream()
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }

    static WireMockServer server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
