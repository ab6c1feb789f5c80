package io.depotops.connect.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.adapter.out.ocppschema.OcaSchemaValidator;
import io.depotops.connect.application.ocpp16.Ocpp16ChargerActions;
import io.depotops.connect.application.ocpp16.Ocpp16ReportActions;
import io.depotops.connect.application.ocpp16.Ocpp16TransactionActions;
import io.depotops.connect.application.ocpp201.Ocpp201CertificateActions;
import io.depotops.connect.application.ocpp201.Ocpp201ChargerActions;
import io.depotops.connect.application.ocpp201.Ocpp201ReportActions;
import io.depotops.connect.application.ocpp201.Ocpp201TransactionActions;
import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every handler answers an action its version's schemas name and chargers send, once. */
class HandledActionsTest {

    private static final OcaSchemaValidator SCHEMAS = new OcaSchemaValidator();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The handlers connect runs with (their services are not used to register). */
    private static final List<ActionHandlers> ALL = List.of(
            new Ocpp16ChargerActions(null, JSON),
            new Ocpp16TransactionActions(null, JSON),
            new Ocpp16ReportActions(null, null, JSON),
            new Ocpp201ChargerActions(null, JSON),
            new Ocpp201TransactionActions(null, JSON),
            new Ocpp201ReportActions(null, null, JSON),
            new Ocpp201CertificateActions(null));

    @Test
    void everyHandledActionIsAChargerInitiatedActionOfItsSchemas() {
        HandledActions handled = new HandledActions(ALL, SCHEMAS);

        // 2.0.1: every message a charging station initiates.
        assertThat(handled.actions(OcppVersion.V201)).isEqualTo(chargerInitiated(OcppVersion.V201));
        // 1.6: all but the security whitepaper's, which chargers get NotImplemented for.
        Set<String> unhandled16 = chargerInitiated(OcppVersion.V16);
        unhandled16.removeAll(handled.actions(OcppVersion.V16));
        assertThat(unhandled16)
                .containsExactlyInAnyOrder(
                        "SecurityEventNotification",
                        "LogStatusNotification",
                        "SignCertificate",
                        "SignedFirmwareStatusNotification");
        assertThat(handled.handler(OcppVersion.V16, "TransactionEvent")).isEmpty();
        assertThat(handled.handler(OcppVersion.V201, "TransactionEvent")).isPresent();
    }

    @Test
    void aHandlerOfAnActionTheCentralSystemSendsStopsTheStart() {
        assertThatThrownBy(() -> new HandledActions(List.of(handling(OcppVersion.V16, "Reset")), SCHEMAS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Reset is handled, but chargers never send it");
    }

    @Test
    void aHandlerOfAnActionTheSchemasDoNotNameStopsTheStart() {
        assertThatThrownBy(() -> new HandledActions(List.of(handling(OcppVersion.V16, "TransactionEvent")), SCHEMAS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the OCPP 1.6 schemas do not name it");
    }

    @Test
    void anActionHandledTwiceStopsTheStart() {
        List<ActionHandlers> twice =
                List.of(handling(OcppVersion.V201, "Heartbeat"), handling(OcppVersion.V201, "Heartbeat"));
        assertThatThrownBy(() -> new HandledActions(twice, SCHEMAS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OCPP 2.0.1 Heartbeat is handled twice");
    }

    private static Set<String> chargerInitiated(OcppVersion version) {
        return SCHEMAS.actions(version).stream()
                .filter(OcppActions::sentByChargers)
                .collect(Collectors.toSet());
    }

    private static ActionHandlers handling(OcppVersion version, String action) {
        return new ActionHandlers() {
            @Override
            public OcppVersion version() {
                return version;
            }

            @Override
            public Map<String, CallHandler> handlers() {
                return Map.of(action, (context, payload) -> JSON.createObjectNode());
            }
        };
    }
}
