package io.depotops.incidents.adapter.in.scheduler;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.notifications.WebhookHeaders;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A notification whose send succeeded but whose outcome could not be recorded (the incidents
 * database cut at its fault proxy right while the receiver answers, as a crash between the two
 * would leave it) is sent again once its lease runs out, with the same delivery id, so that the
 * receiver can drop the repeat; once recorded it is not sent a third time.
 */
@QuarkusTest
@TestProfile(InterruptedDeliveryTest.ShortLease.class)
class InterruptedDeliveryTest {

    /** A lease of seconds instead of a minute, so that the repeat comes within the test. */
    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("depotops.incidents.notifications.lease", "3s");
        }
    }

    @Inject
    ConfirmingPublisher publisher;

    private final String workspace = newWorkspace();
    private HttpServer server;

    @AfterEach
    void mend() {
        TestServers.restoreAll();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aSendWhoseRecordFailedIsRepeatedWithTheSameDeliveryId() throws Exception {
        install(workspace, "security-event", 0);
        // The receiver keeps every delivery id it is sent; the first request cuts the database
        // before it is answered, so the sender's record step fails after a successful send.
        List<String> deliveryIds = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveryIds.add(exchange.getRequestHeaders().getFirst(WebhookHeaders.DELIVERY_ID));
            if (deliveryIds.size() == 1) {
                TestServers.postgres().cut();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        as(token("admin", workspace))
                .body(Map.of(
                        "name",
                        "receiver",
                        "type",
                        "WEBHOOK",
                        "webhookUrl",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                        "webhookSecret",
                        "a-test-secret-of-32-characters!!"))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(201);

        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                cp,
                Map.of("chargePointId", cp, "type", "TamperDetectionActivated"));
        Map<String, Object> incident =
                awaitIncident(workspace, i -> cp.equals(((Map<?, ?>) i.get("resource")).get("id")));

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveryIds.size() == 1);
        // Longer than the lease: the record has failed by now, and no claim could take it back.
        Thread.sleep(5000);
        assertThat(deliveryIds).as("nothing is sent while the database is away").hasSize(1);
        TestServers.postgres().restore();

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveryIds.size() >= 2);
        assertThat(deliveryIds.get(1))
                .as("the repeat carries the same delivery id")
                .isEqualTo(deliveryIds.get(0));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENT".equals(delivery(incident).get("status")));
        Map<String, Object> delivery = delivery(incident);
        assertThat(delivery.get("id")).isEqualTo(deliveryIds.get(0));
        assertThat(delivery.get("attempts")).as("both claims counted").isEqualTo(2);
        Thread.sleep(4000); // past another lease: recorded now, so never sent a third time
        assertThat(deliveryIds).hasSize(2);
    }

    private Map<String, Object> delivery(Map<String, Object> incident) {
        List<Map<String, Object>> deliveries = as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/notification-deliveries?incidentId=" + incident.get("id"), workspace)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }
}
