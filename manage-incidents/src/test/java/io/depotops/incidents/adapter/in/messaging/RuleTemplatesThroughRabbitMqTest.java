package io.depotops.incidents.adapter.in.messaging;

import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.detail;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.publish;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.resource;
import static io.depotops.incidents.IncidentFixtures.status;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
}
