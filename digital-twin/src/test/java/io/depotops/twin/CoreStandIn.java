package io.depotops.twin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An HTTP stand-in for core's internal listener: the twin's REST client calls it as it would core;
 * tests stub the depot snapshots and read what the twin sent (its service token).
 */
public class CoreStandIn implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // No depot at start: each test stubs its own and asks for it.
        server.stubFor(get(urlEqualTo("/internal/v1/twin/depots"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        return Map.of(
                "quarkus.rest-client.core.url", server.baseUrl(), "quarkus.rest-client.core.read-timeout", "3000");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
