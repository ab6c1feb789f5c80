package io.depotops.connect.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.HandshakeRefused;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.connect.application.registry.ChargerRegistry;
import io.depotops.connect.application.registry.RegistryChange;
import io.depotops.connect.application.registry.RegistryStore;
import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Admission from connect's copy of core's registry (ADR 0010): chargers in the copy get in without
 * asking core, also while core is away; an unknown one is asked of core once; announcements and
 * pulls keep the copy current, a missed announcement included.
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
class RegistryAdmissionTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ChargerRegistry registry;

    @Inject
    RegistryStore store;

    @Inject
    ConfirmingPublisher publisher;

    private OcppClient connect(String id, String password) throws Exception {
        return OcppClient.connect(base.resolve("/ocpp/"), id, password, "ocpp1.6");
    }

    private static void assertRefused(ThrowingCall call, int status) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        HandshakeRefused.class, e -> assertThat(e.status).isEqualTo(status));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    /** What core's outbox publishes after a registry change. */
    private void announce(long seq) throws Exception {
        var event = DepotopsEvents.create(
                EventTypes.CORE_REGISTRY_CHANGED_V1,
                "/manage-core",
                "registry-" + seq,
                CoreStub.WORKSPACE.toString(),
                ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
        publisher.publish(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of()));
    }

    private void awaitInCopy(String id, boolean present) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> registry.charger(id).isPresent() == present);
    }

    @Test
    void aChargerInTheCopyIsAdmittedAndBootedWithoutAskingCore() throws Exception {
        String id = "REG-LOCAL";
        announce(CoreStub.register(id, CoreStub.PASSWORD, 1));
        awaitInCopy(id, true);
        try (OcppClient cp = connect(id, CoreStub.PASSWORD)) {
            JsonNode boot = cp.call("1", "BootNotification", OcppConformanceTest.BOOT_16);
            assertThat(boot.get(2).get("status").asText()).isEqualTo("Accepted");
        }
        assertThat(CoreStub.asked(id)).isEmpty();
    }

    @Test
    void anUnknownChargerIsAskedOfCoreOnceAndItsAbsenceRemembered() throws Exception {
        assertRefused(() -> connect("REG-MISS-UNKNOWN", CoreStub.PASSWORD), 401);
        assertRefused(() -> connect("REG-MISS-UNKNOWN", CoreStub.PASSWORD), 401);
        assertThat(CoreStub.asked("REG-MISS-UNKNOWN")).hasSize(1);

        // core knows this one, although no change of the feed said so yet: admitted on the miss path
        try (OcppClient cp = connect("REG-MISS-KNOWN", CoreStub.PASSWORD)) {
            assertThat(cp.call("1", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
        try (OcppClient cp = connect("REG-MISS-KNOWN", CoreStub.PASSWORD)) {
            assertThat(cp.call("2", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
        assertThat(CoreStub.asked("REG-MISS-KNOWN")).hasSize(1);
    }

    @Test
    void aMissedAnnouncementIsMadeGoodByTheNextOne() throws Exception {
        CoreStub.register("REG-MISSED-A", CoreStub.PASSWORD, 1);
        long later = CoreStub.register("REG-MISSED-B", CoreStub.PASSWORD, 1);
        // only the later change is announced: the pull after the applied sequence brings both
        announce(later);
        awaitInCopy("REG-MISSED-B", true);
        assertThat(registry.charger("REG-MISSED-A")).isPresent();
        try (OcppClient cp = connect("REG-MISSED-A", CoreStub.PASSWORD)) {
            assertThat(cp.call("1", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
        assertThat(CoreStub.asked("REG-MISSED-A")).isEmpty();
    }

    @Test
    void whileCoreIsAwayChargersInTheCopyGetInAndUnknownOnesAreRefused() throws Exception {
        String id = "REG-CORE-DOWN";
        announce(CoreStub.register(id, CoreStub.PASSWORD, 1));
        awaitInCopy(id, true);
        CoreStub.down(true);
        try {
            try (OcppClient cp = connect(id, CoreStub.PASSWORD)) {
                JsonNode boot = cp.call("1", "BootNotification", OcppConformanceTest.BOOT_16);
                assertThat(boot.get(2).get("status").asText()).isEqualTo("Accepted");
            }
            assertRefused(() -> connect("REG-NEVER-SEEN", CoreStub.PASSWORD), 503);
        } finally {
            CoreStub.down(false);
        }
        assertThat(Events.await(EventTypes.CONNECT_CHARGER_BOOT_V1, id, 1)).isNotEmpty();
    }

    @Test
    void aRemovedChargerOrAChangedPasswordIsRefusedAtTheNextHandshake() throws Exception {
        String removed = "REG-REMOVED";
        String changed = "REG-NEW-PASSWORD";
        CoreStub.register(removed, CoreStub.PASSWORD, 1);
        announce(CoreStub.register(changed, CoreStub.PASSWORD, 1));
        awaitInCopy(changed, true);
        connect(removed, CoreStub.PASSWORD).close();

        CoreStub.remove(removed);
        announce(CoreStub.register(changed, "a-new-password-of-20", 1));
        awaitInCopy(removed, false);

        assertRefused(() -> connect(removed, CoreStub.PASSWORD), 401);
        assertRefused(() -> connect(changed, CoreStub.PASSWORD), 401);
        connect(changed, "a-new-password-of-20").close();
    }

    @Test
    void theStoredCopyIsWhatARestartAdmitsWith() throws Exception {
        String id = "REG-STORED";
        announce(CoreStub.register(id, CoreStub.PASSWORD, 2));
        awaitInCopy(id, true);
        RegistryStore.Snapshot stored = store.load();
        assertThat(stored.chargers())
                .filteredOn(charger -> charger.chargePointId().equals(id))
                .singleElement()
                .satisfies(charger -> {
                    assertThat(charger.securityProfile()).isEqualTo(2);
                    assertThat(charger.workspaceId()).isEqualTo(CoreStub.WORKSPACE);
                });
        assertThat(stored.appliedSeq()).isEqualTo(registry.appliedSeq());

        // removed; then an older change of it written later (another instance, a slow miss path)
        // brings nothing back
        long removal = CoreStub.remove(id);
        registry.sync();
        RegisteredCharger before = stored.chargers().stream()
                .filter(charger -> charger.chargePointId().equals(id))
                .findFirst()
                .orElseThrow();
        store.apply(
                List.of(new RegistryChange.ChargerChange(removal - 1, id, CoreStub.WORKSPACE, before)),
                registry.appliedSeq());
        assertThat(store.load().chargers())
                .noneMatch(charger -> charger.chargePointId().equals(id));
    }
}
