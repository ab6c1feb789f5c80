package io.depotops.incidents.adapter.in.messaging;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.incidents;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules' queue receives the event types the stored rules read, and no others: the high-volume
 * meter values reach the service only while a rule reads them. Events are applied in batches.
 */
@QuarkusTest
class EventBindingsTest {

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    private final String workspace = newWorkspace();

    @Test
    void meterValuesReachTheServiceOnlyWhileARuleReadsThem() throws Exception {
        install(workspace, "charger-faulted", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);

        // No rule reads meter values: the event never reaches the queue, while a later one does.
        CloudEvent unread = meterValues(cp, 99_000);
        fault(cp, 1);
        awaitIncident(workspace, i -> true);
        assertThat(received(unread))
                .as("meter values with no rule reading them")
                .isFalse();

        String admin = token("admin", workspace);
        String ruleId = as(admin)
                .body(Map.of(
                        "name", "overload",
                        "eventTypes", List.of(EventTypes.CONNECT_CHARGER_METER_VALUES_V1),
                        "condition", "event.data.powerW > 50000",
                        "forSeconds", 0,
                        "severity", "MAJOR"))
                .post("/api/v1/workspaces/{ws}/incident-rules", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        CloudEvent read = meterValues(cp, 99_000);
        awaitIncident(workspace, i -> "overload".equals(i.get("ruleName")));
        assertThat(received(read)).isTrue();

        as(admin)
                .header("If-Match", "\"1\"")
                .delete("/api/v1/workspaces/{ws}/incident-rules/{id}", workspace, ruleId)
                .then()
                .statusCode(204);
        CloudEvent unreadAgain = meterValues(cp, 99_000);
        fault(cp, 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> incidents(workspace).stream()
                                .filter(i -> !"overload".equals(i.get("ruleName")))
                                .count()
                        == 2);
        assertThat(received(unreadAgain))
                .as("meter values after the rule was deleted")
                .isFalse();
    }

    @Test
    void aBurstOfEventsIsAppliedInBatchesEachOnce() throws Exception {
        install(workspace, "charger-faulted", 0);
        List<String> chargePoints = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String cp = uniqueChargePoint();
            chargePoints.add(cp);
            registerCharger(publisher, workspace, cp);
        }
        for (int round = 0; round < 15; round++) {
            for (String cp : chargePoints) {
                fault(cp, 1);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(workspace).stream()
                                .mapToInt(i -> ((Number) i.get("eventCount")).intValue())
                                .sum()
                        == 300);
        assertThat(incidents(workspace))
                .hasSize(20)
                .allSatisfy(incident -> assertThat(((Number) incident.get("eventCount")).intValue())
                        .isEqualTo(15));
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        double largest = metrics.lines()
                .filter(line -> line.startsWith("depotops_incidents_events_batch_size_max"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .max()
                .orElse(0);
        assertThat(largest).as("largest batch").isGreaterThan(1);
    }

    private CloudEvent meterValues(String cp, int powerW) throws Exception {
        return connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_METER_VALUES_V1,
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "powerW", powerW));
    }

    private void fault(String cp, int connector) throws Exception {
        connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                cp,
                Map.of("chargePointId", cp, "connectorId", connector, "status", "FAULTED"));
    }

    /** Whether the rule engine took the event from its queue (its inbox records every one it took). */
    private boolean received(CloudEvent event) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select 1 from inbox_message where message_id = ?")) {
            select.setString(1, event.getId());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
