package io.depotops.core.adapter.in.rest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An HTTP stand-in for schedule-creator's internal listener: the planner's REST client calls it as
 * it would the real service; tests stub its answers and read what core sent.
 */
public class ScheduleCreatorStandIn implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.rest-client.schedule-creator.url",
                server.baseUrl(),
                "quarkus.rest-client.schedule-creator.read-timeout",
                "3000");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
