package io.depotops.connect.ocpp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The certificate authority, stood in by WireMock at {@code <base>/pki}: it accepts every request,
 * except from chargers {@code *-PKIDOWN} (HTTP 503) and {@code *-PKIBAD} (an answer that fails the
 * OCPP schema).
 */
public class PkiStub implements QuarkusTestResourceLifecycleManager {

    static final String CHARGER = "X-Charge-Point-Id";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/pki/Get15118EVCertificate"))
                .atPriority(10)
                .willReturn(okJson("{\"status\":\"Accepted\",\"exiResponse\":\"ZXhpLWNlcnQ=\"}")));
        server.stubFor(post(urlEqualTo("/pki/GetCertificateStatus"))
                .atPriority(10)
                .willReturn(okJson("{\"status\":\"Accepted\",\"ocspResult\":\"b2NzcA==\"}")));
        server.stubFor(post(urlEqualTo("/pki/SignCertificate"))
                .atPriority(10)
                .willReturn(okJson("{\"status\":\"Accepted\"}")));
        server.stubFor(post(urlMatching("/pki/.*"))
                .atPriority(1)
                .withHeader(CHARGER, matching(".*-PKIDOWN"))
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(post(urlMatching("/pki/.*"))
                .atPriority(1)
                .withHeader(CHARGER, matching(".*-PKIBAD"))
                .willReturn(okJson("{\"status\":\"Maybe\"}")));
        return Map.of("depotops.connect.pki.url", server.baseUrl() + "/pki");
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
