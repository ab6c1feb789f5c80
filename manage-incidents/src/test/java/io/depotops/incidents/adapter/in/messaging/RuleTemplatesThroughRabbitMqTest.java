package io.depotops.incidents.adapter.in.messaging;

import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.detail;
import static io.depotops.incidents.IncidentFixtures.incidents;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.publish;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.resource;
import static io.depotops.incidents.IncidentFixtures.status;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each built-in rule, installed through the API, raises its incident from real events published on
 * {@code depotops.events} (as connect and core publish them) and, where it has one, resolves it by
 * its resolve condition.
 */
@QuarkusTest
class RuleTemplatesThroughRabbitMqTest {

    @Inject
    ConfirmingPublisher publisher;

    private final String workspace = newWorkspace();

    private Map<String, Object> openFor(String ruleId, String subject) {
        return awaitIncident(
                workspace,
                i -> ruleId.equals(i.get("ruleId"))
                        && subject.equals(resource(i).get("id"))
                        && "OPEN".equals(i.get("status")));
    }

    @Test
    void chargerFaultedOpensAndAvailableResolvesIt() throws Exception {
        String rule = install(workspace, "charger-faulted", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "FAULTED", "errorCode", "GroundFailure"));
        Map<String, Object> incident = openFor(rule, cp);
        assertThat(incident).containsEntry("severity", "MAJOR").containsEntry("dedupKey", cp + "/1");
        assertThat(resource(incident)).containsEntry("type", "charger").containsEntry("siteId", "site-1");

        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "AVAILABLE"));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
        var resolved = detail(workspace, incident.get("id"));
        assertThat(resolved.getBoolean("incident.autoResolved")).isTrue();
        assertThat(resolved.getList("timeline.to", String.class)).containsExactly("OPEN", "RESOLVED");
        assertThat(resolved.getList("events.role", String.class)).containsExactly("RAISED", "RESOLVED");
    }

    @Test
    void chargerOfflineOpensOnDisconnectAndResolvesOnConnect() throws Exception {
        String rule = install(workspace, "charger-offline", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(publisher, "connect.charger.disconnected.v1", cp, Map.of("chargePointId", cp, "reason", "closed"));
        Map<String, Object> incident = openFor(rule, cp);
        connectFact(publisher, "connect.charger.connected.v1", cp, Map.of("chargePointId", cp));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }

    @Test
    void transactionEndedWithoutEnergyOpens() throws Exception {
        String rule = install(workspace, "transaction-failed", 0);
        String transaction = Long.toString(System.nanoTime());
        publish(
                publisher,
                "core.transaction.ended.v1",
                "/manage-core",
                transaction,
                workspace,
                Map.of("transactionId", transaction, "energyWh", 0, "stopReason", "Local"));
        assertThat(openFor(rule, transaction)).containsEntry("severity", "MINOR");
    }

    @Test
    void commandFailedOpensAndALaterAcceptedCommandResolves() throws Exception {
        String rule = install(workspace, "command-failed", 0);
        String cp = uniqueChargePoint();
        publish(
                publisher,
                "connect.command.result.v1",
                "/manage-connect",
                cp,
                workspace,
                Map.of("commandId", UUID.randomUUID().toString(), "chargePointId", cp, "outcome", "TIMED_OUT"));
        Map<String, Object> incident = openFor(rule, cp);
        publish(
                publisher,
                "connect.command.result.v1",
                "/manage-connect",
                cp,
                workspace,
                Map.of("commandId", UUID.randomUUID().toString(), "chargePointId", cp, "outcome", "ACCEPTED"));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }

    @Test
    void securityEventOpens() throws Exception {
        String rule = install(workspace, "security-event", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                "connect.charger.security-event.v1",
                cp,
                Map.of("chargePointId", cp, "type", "TamperDetectionActivated"));
        assertThat(openFor(rule, cp))
                .containsEntry("severity", "CRITICAL")
                .containsEntry("dedupKey", cp + "/TamperDetectionActivated");
    }

    @Test
    void telematicsStaleOpensAndTheNextUpdateResolves() throws Exception {
        String rule = install(workspace, "telematics-stale", 0);
        String vehicle = UUID.randomUUID().toString();
        publish(
                publisher,
                "core.telematics.vehicle-stale.v1",
                "/manage-core",
                vehicle,
                workspace,
                Map.of("vehicleId", vehicle, "silentSeconds", 900));
        Map<String, Object> incident = openFor(rule, vehicle);
        assertThat(resource(incident)).containsEntry("type", "vehicle");
        publish(
                publisher,
                "core.telematics.vehicle-updated.v1",
                "/manage-core",
                vehicle,
                workspace,
                Map.of("vehicleId", vehicle, "stateOfChargePercent", 55));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }

    @Test
    void firmwareFailedOpensAndInstalledResolves() throws Exception {
        String rule = install(workspace, "firmware-failed", 0);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                "connect.charger.firmware-status.v1",
                cp,
                Map.of("chargePointId", cp, "status", "InstallationFailed"));
        Map<String, Object> incident = openFor(rule, cp);
        connectFact(
                publisher,
                "connect.charger.firmware-status.v1",
                cp,
                Map.of("chargePointId", cp, "status", "Installed"));
        awaitIncident(workspace, status("RESOLVED").and(i -> incident.get("id").equals(i.get("id"))));
    }

    @Test
    void pluggedInNotChargingStaysPendingUntilItsTimeAndChargingDropsIt() throws Exception {
        String rule = install(workspace, "plugged-in-not-charging", 600);
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "OCCUPIED", "ocppStatus", "SuspendedEV"));
        Map<String, Object> pending = awaitIncident(
                workspace,
                i -> rule.equals(i.get("ruleId"))
                        && cp.equals(resource(i).get("id"))
                        && "PENDING".equals(i.get("status")));
        assertThat(pending).containsEntry("dedupKey", cp + "/1").containsEntry("severity", "WARNING");
        // A move between the not-charging states counts on the same pending incident.
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "OCCUPIED", "ocppStatus", "SuspendedEVSE"));
        awaitIncident(
                workspace,
                i -> pending.get("id").equals(i.get("id")) && ((Number) i.get("eventCount")).intValue() == 2);
        // Charging within the pending time: the incident never opens.
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 1, "status", "OCCUPIED", "ocppStatus", "Charging"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> incidents(workspace).stream()
                        .noneMatch(i -> pending.get("id").equals(i.get("id"))));

        // With no pending time it opens at once and Charging resolves it.
        String immediate = install(workspace, "plugged-in-not-charging", 0, "not charging now");
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 2, "status", "OCCUPIED", "ocppStatus", "Preparing"));
        Map<String, Object> open =
                awaitIncident(workspace, i -> immediate.equals(i.get("ruleId")) && "OPEN".equals(i.get("status")));
        connectFact(
                publisher,
                "connect.charger.status-changed.v1",
                cp,
                Map.of("chargePointId", cp, "connectorId", 2, "status", "OCCUPIED", "ocppStatus", "Charging"));
        awaitIncident(workspace, i -> open.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }

    @Test
    void sitePowerNearItsLimitOpensAndOnlyANormalLoadResolvesIt() throws Exception {
        String rule = install(workspace, "site-power-near-limit", 0);
        String node = UUID.randomUUID().toString();
        String site = UUID.randomUUID().toString();
        publish(
                publisher,
                "sitepwrmon.limit-approaching.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of(
                        "nodeId",
                        node,
                        "siteId",
                        site,
                        "loadKw",
                        190.0,
                        "limitKw",
                        200.0,
                        "binding",
                        "POWER",
                        "utilisation",
                        0.95));
        Map<String, Object> incident = openFor(rule, node);
        assertThat(resource(incident)).containsEntry("type", "site").containsEntry("siteId", site);
        assertThat(incident).containsEntry("severity", "WARNING");

        // Still high, then above: no resolution, one incident counting both.
        publish(
                publisher,
                "sitepwrmon.node-load.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of("nodeId", node, "siteId", site, "loadKw", 192.0, "state", "APPROACHING"));
        publish(
                publisher,
                "sitepwrmon.limit-exceeded.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of(
                        "nodeId",
                        node,
                        "siteId",
                        site,
                        "loadKw",
                        205.0,
                        "limitKw",
                        200.0,
                        "binding",
                        "POWER",
                        "utilisation",
                        1.025));
        awaitIncident(
                workspace,
                i -> incident.get("id").equals(i.get("id")) && ((Number) i.get("eventCount")).intValue() == 2);
        var normal = publish(
                publisher,
                "sitepwrmon.node-load.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of("nodeId", node, "siteId", site, "loadKw", 120.0, "state", "NORMAL"));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
        var resolved = detail(workspace, incident.get("id"));
        assertThat(resolved.getList("events.role", String.class)).containsExactly("RAISED", "UPDATED", "RESOLVED");
        assertThat(resolved.getString("events.find { it.role == 'RESOLVED' }.eventId"))
                .isEqualTo(normal.getId());
    }

    @Test
    void sitePowerExceededOpensAsCriticalAndResolvesWhenTheLoadIsNoLongerAbove() throws Exception {
        String rule = install(workspace, "site-power-exceeded", 0);
        String node = UUID.randomUUID().toString();
        publish(
                publisher,
                "sitepwrmon.limit-exceeded.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of("nodeId", node, "siteId", "site-9", "loadKw", 230.0, "binding", "L1", "utilisation", 1.1));
        Map<String, Object> incident = openFor(rule, node);
        assertThat(incident).containsEntry("severity", "CRITICAL");
        publish(
                publisher,
                "sitepwrmon.node-load.v1",
                "/manage-sitepwrmon",
                node,
                workspace,
                Map.of("nodeId", node, "siteId", "site-9", "loadKw", 195.0, "state", "APPROACHING"));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }

    @Test
    void departureAtRiskOpensAndRiskClearedResolves() throws Exception {
        String rule = install(workspace, "departure-at-risk", 0);
        String vehicle = UUID.randomUUID().toString();
        publish(
                publisher,
                "twin.vehicle.departure-at-risk.v1",
                "/digital-twin",
                vehicle,
                workspace,
                Map.of(
                        "vehicleId",
                        vehicle,
                        "workspaceId",
                        workspace,
                        "targetSocPercent",
                        80.0,
                        "projectedSocPercent",
                        62.5,
                        "shortfallKwh",
                        38.0,
                        "reason",
                        "POWER_LIMITED"));
        Map<String, Object> incident = openFor(rule, vehicle);
        assertThat(incident).containsEntry("severity", "MAJOR");
        assertThat(resource(incident)).containsEntry("type", "vehicle");
        publish(
                publisher,
                "twin.vehicle.departure-risk-cleared.v1",
                "/digital-twin",
                vehicle,
                workspace,
                Map.of(
                        "vehicleId",
                        vehicle,
                        "workspaceId",
                        workspace,
                        "targetSocPercent",
                        80.0,
                        "projectedSocPercent",
                        81.0,
                        "reason",
                        "PROJECTED_READY"));
        awaitIncident(workspace, i -> incident.get("id").equals(i.get("id")) && "RESOLVED".equals(i.get("status")));
    }
}
