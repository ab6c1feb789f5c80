package io.depotops.core.adapter.in.messaging;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.charger;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.RoutingKeys;
import io.depotops.core.TestClock;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A command from core's API to the charger's routing key, closed by connect's result. */
@QuarkusTest
class CommandFlowTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    private String workspace;
    private String operator;
    private String chargePointId;
    private String chargerId;

    @BeforeEach
    void registeredCharger() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        chargePointId = uniqueChargePointId();
        chargerId = as(operator)
                .body(charger(newSite(operator, workspace, newDepot(operator, workspace)), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("id");
    }

    @Test
    void aCommandReachesTheChargersKeyAndItsResultClosesIt() throws Exception {
        try (TestQueue toCharger = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId))) {
            String id = as(operator)
                    .body(Map.of(
                            "command", "REMOTE_START", "parameters", Map.of("evseId", 1, "idToken", "DEMO-TAG-01")))
                    .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PENDING"))
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> toCharger.deliveries().size() == 1);
            ChargerCommandV1 sent =
                    json.readValue(toCharger.deliveries().getFirst().body(), ChargerCommandV1.class);
            assertThat(sent.commandId()).isEqualTo(id);
            assertThat(sent.command()).isEqualTo(ChargerCommandV1.Command.REMOTE_START);
            assertThat(sent.parameters()).containsEntry("idToken", "DEMO-TAG-01");

            CommandResultV1 result = new CommandResultV1(
                    id,
                    chargePointId,
                    CommandResultV1.Outcome.ACCEPTED,
                    null,
                    Map.of("status", "Accepted"),
                    Instant.now());
            CloudEvent event = DepotopsEvents.create(
                    EventTypes.CONNECT_COMMAND_RESULT_V1,
                    "/manage-connect",
                    chargePointId,
                    null,
                    json.writeValueAsBytes(result));
            TestEvents.publish(publisher, event);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/commands/{id}", workspace, id)
                            .then()
                            .body("status", equalTo("ACCEPTED"))
                            .body("response.status", equalTo("Accepted")));
        }
    }

    @Test
    void everyCommandOfTheContractIsAccepted() throws Exception {
        try (TestQueue toCharger = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId))) {
            for (ChargerCommandV1.Command command : ChargerCommandV1.Command.values()) {
                as(operator)
                        .body(Map.of("command", command.name()))
                        .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                        .then()
                        .statusCode(202);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> toCharger.deliveries().size() == ChargerCommandV1.Command.values().length);
            ChargerCommandV1 last =
                    json.readValue(toCharger.deliveries().getLast().body(), ChargerCommandV1.class);
            assertThat(last.command()).isEqualTo(ChargerCommandV1.Command.OCPP_CALL);
        }
    }

    @Test
    void aCommandNobodyAnswersTimesOutAtItsDeadline() throws Exception {
        // Routed (a connect instance holds the charger) but never answered.
        try (TestQueue silentHolder = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId))) {
            String id = as(operator)
                    .body(Map.of("command", "RESET", "parameters", Map.of("type", "Soft"), "deadlineSeconds", 120))
                    .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            // the deadline check runs every second in tests: it leaves the command alone before its deadline
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> !"TIMED_OUT"
                            .equals(as(operator)
                                    .get("/api/v1/workspaces/{ws}/commands/{id}", workspace, id)
                                    .then()
                                    .extract()
                                    .path("status")));

            clock.advance(Duration.ofSeconds(121));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/commands/{id}", workspace, id)
                            .then()
                            .body("status", equalTo("TIMED_OUT")));
            assertThat(silentHolder.deliveries()).hasSize(1);
        }
    }

    @Test
    void aCommandToAChargerNoConnectInstanceHoldsIsOfflineAtOnce() {
        String id = as(operator)
                .body(Map.of("command", "RESET", "parameters", Map.of("type", "Hard"), "deadlineSeconds", 300))
                .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        // Long before the deadline: the broker handed the unroutable command back.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/commands/{id}", workspace, id)
                        .then()
                        .body("status", equalTo("OFFLINE"))
                        .body("detail", containsString("not connected")));
    }

    @Test
    void refusesAnUnknownCommandAndViewers() {
        as(operator)
                .body(Map.of("command", "SELF_DESTRUCT"))
                .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("command"));
        as(token("viewer", workspace))
                .body(Map.of("command", "RESET"))
                .post("/api/v1/workspaces/{ws}/chargers/{id}/commands", workspace, chargerId)
                .then()
                .statusCode(403);
    }
}
