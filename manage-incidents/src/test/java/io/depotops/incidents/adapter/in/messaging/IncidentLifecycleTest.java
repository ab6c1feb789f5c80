package io.depotops.incidents.adapter.in.messaging;

import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.detail;
import static io.depotops.incidents.IncidentFixtures.incidents;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.publish;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.MessageHeaders;
import io.depotops.contracts.messaging.Queues;
import io.depotops.incidents.TestClock;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incident lifecycle driven by real events through RabbitMQ: the pending time, deduplication,
 * redelivery, events no rule can read, and the incidents database going away.
 */
@QuarkusTest
class IncidentLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    TestClock clock;

    private final String workspace = newWorkspace();

    @AfterEach
    void mend() {
        clock.reset();
        TestServers.restoreAll();
    }

    private CloudEvent fault(String cp) throws Exception {
        return connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "FAULTED"));
    }

    @Test
    void anIncidentWaitsPendingForTheRulesTimeThenOpensAndIsPublished() throws Exception {
        install(workspace, "charger-faulted", 600);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        try (TestQueue published = TestQueue.bind(Exchanges.EVENTS, EventTypes.INCIDENTS_INCIDENT_OPENED_V1)) {
            fault(cp);
            Map<String, Object> pending = awaitIncident(workspace, i -> "PENDING".equals(i.get("status")));
            assertThat(pending.get("openedAt")).isNull();

            // Still pending well within the ten minutes (the job runs every second).
            Thread.sleep(1500);
            assertThat(incidents(workspace)).extracting(i -> i.get("status")).containsExactly("PENDING");

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            Map<String, Object> open = awaitIncident(workspace, i -> "OPEN".equals(i.get("status")));
            assertThat(open.get("id")).isEqualTo(pending.get("id"));
            assertThat(detail(workspace, open.get("id")).getList("timeline.to", String.class))
                    .containsExactly("PENDING", "OPEN");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> published.deliveries().stream()
                            .anyMatch(d -> new String(d.body(), StandardCharsets.UTF_8)
                                    .contains(open.get("id").toString())));
            CloudEvent opened = DepotopsEvents.deserialize(published.deliveries().stream()
                    .filter(d -> new String(d.body(), StandardCharsets.UTF_8)
                            .contains(open.get("id").toString()))
                    .findFirst()
                    .orElseThrow()
                    .body());
            assertThat(opened.getSubject()).isEqualTo(open.get("id"));
            assertThat(DepotopsEvents.workspaceOf(opened)).isEqualTo(workspace);
            JsonNode data = JSON.readTree(opened.getData().toBytes());
            assertThat(data.get("severity").asText()).isEqualTo("MAJOR");
            assertThat(data.get("subject").asText()).isEqualTo(cp);
        }
    }

    @Test
    void aResolvingEventDuringThePendingTimeDropsTheIncidentBeforeItOpens() throws Exception {
        install(workspace, "charger-offline", 600);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(publisher, EventTypes.CONNECT_CHARGER_DISCONNECTED_V1, cp, Map.of("chargePointId", cp));
        awaitIncident(workspace, i -> "PENDING".equals(i.get("status")));
        connectFact(publisher, EventTypes.CONNECT_CHARGER_CONNECTED_V1, cp, Map.of("chargePointId", cp));
        await().atMost(Duration.ofSeconds(10)).until(() -> incidents(workspace).isEmpty());

        clock.advance(Duration.ofMinutes(11));
        Thread.sleep(2000); // two runs of the pending job
        assertThat(incidents(workspace)).isEmpty();
    }

    @Test
    void oneKeyHasOneActiveIncidentAndARedeliveredEventCountsOnce() throws Exception {
        install(workspace, "charger-faulted", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        CloudEvent first = fault(cp);
        Map<String, Object> open = awaitIncident(workspace, i -> "OPEN".equals(i.get("status")));

        fault(cp); // same charger and connector: same key
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ((Number) incidents(workspace).getFirst().get("eventCount")).intValue() == 2);

        publish(publisher, first); // the broker or the relay delivering the first event again
        publish(publisher, first);
        Thread.sleep(1500);
        List<Map<String, Object>> all = incidents(workspace);
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().get("id")).isEqualTo(open.get("id"));
        assertThat(((Number) all.getFirst().get("eventCount")).intValue()).isEqualTo(2);

        // Another connector of the same charger is another key: a second incident.
        connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                cp,
                Map.of("chargePointId", cp, "connectorId", 2, "status", "UNAVAILABLE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> incidents(workspace).size() == 2);
    }

    @Test
    void anEventNoRuleCanReadIsParkedWithTheReason() throws Exception {
        install(workspace, "charger-faulted", 0); // the queue receives the type once a rule reads it
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, "#")) {
            String stranger = uniqueChargePoint();
            publisher.publish(new OutgoingMessage(
                    Exchanges.EVENTS,
                    EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                    "not-a-cloudevent-" + stranger,
                    "application/json",
                    "{\"hello\":1}".getBytes(StandardCharsets.UTF_8),
                    Map.of()));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> parked.deliveries().stream()
                            .anyMatch(d -> d.messageId().equals("not-a-cloudevent-" + stranger)
                                    && Queues.INCIDENTS_EVENTS.equals(
                                            String.valueOf(d.headers().get(MessageHeaders.DEAD_LETTER_QUEUE)))));
        }
    }

    @Test
    void aFactOfAChargePointNoWorkspaceRegisteredIsSkippedNotParked() throws Exception {
        install(workspace, "charger-faulted", 0);
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, "#")) {
            // a fleet registered before incidents listened reconnects: its facts are not poison
            CloudEvent orphan = fault(uniqueChargePoint());
            // a fact published after it, of a known charger, is still processed: the queue moved on
            String known = uniqueChargePoint();
            registerCharger(publisher, workspace, known);
            fault(known);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> incidents(workspace).size() == 1);
            assertThat(parked.deliveries()).noneMatch(d -> d.messageId().equals(orphan.getId()));
        }
    }

    @Test
    void whileTheDatabaseIsAwayEventsWaitInTheQueueAndAreProcessedWhenItIsBack() throws Exception {
        install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        // No wait for the registration: it shares the queue with the fact, in order, and is held
        // with it when the database goes away.
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, "#")) {
            TestServers.postgres().cut();
            CloudEvent event = connectFact(
                    publisher,
                    EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                    cp,
                    Map.of("chargePointId", cp, "type", "InvalidFirmwareSignature"));
            // Longer than the subscription's retries (0.2 + 1 + 3 s) would take to park it.
            Thread.sleep(8000);
            TestServers.postgres().restore();

            Map<String, Object> open = awaitIncident(workspace, i -> "OPEN".equals(i.get("status")));
            assertThat(detail(workspace, open.get("id")).getList("events.eventId", String.class))
                    .containsExactly(event.getId());
            assertThat(parked.deliveries()).noneMatch(d -> d.messageId().equals(event.getId()));
        }
    }
}
