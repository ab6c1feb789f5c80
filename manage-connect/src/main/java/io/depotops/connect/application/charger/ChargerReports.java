package io.depotops.connect.application.charger;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.domain.OcppVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * What chargers report without waiting on core: data transfers, firmware and diagnostics status,
 * security events and the 2.0.1 notifications. Each is published as a fact; a fact that cannot be
 * written fails the CALL (InternalError), so the charger sends it again.
 */
@ApplicationScoped
public class ChargerReports {

    static final String ACCEPTED = "Accepted";
    /** OCPP 1.6 section 4.3 / 2.0.1 block P: a vendor the central system does not know. */
    static final String UNKNOWN_VENDOR_ID = "UnknownVendorId";

    private final ChargerFacts facts;
    private final ConnectSettings settings;

    public ChargerReports(ChargerFacts facts, ConnectSettings settings) {
        this.facts = facts;
        this.settings = settings;
    }

    /** The status to answer: Accepted for a configured vendor, else UnknownVendorId. */
    public String dataTransfer(
            String chargePointId,
            OcppVersion version,
            String vendorId,
            String messageId,
            JsonNode data,
            Instant receivedAt) {
        Set<String> accepted = settings.dataTransfer().acceptedVendors().orElse(Set.of());
        String status = accepted.contains(vendorId) ? ACCEPTED : UNKNOWN_VENDOR_ID;
        facts.dataTransfer(chargePointId, version, vendorId, messageId, data, status, receivedAt);
        return status;
    }

    public void firmwareStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant receivedAt) {
        facts.firmwareStatus(chargePointId, version, status, requestId, receivedAt);
    }

    public void diagnosticsStatus(
            String chargePointId, OcppVersion version, String status, Integer requestId, Instant receivedAt) {
        facts.diagnosticsStatus(chargePointId, version, status, requestId, receivedAt);
    }

    public void securityEvent(
            String chargePointId, OcppVersion version, String type, Instant timestamp, String techInfo) {
        facts.securityEvent(chargePointId, version, type, timestamp, techInfo);
    }

    public void notification(
            String chargePointId, OcppVersion version, String action, JsonNode payload, Instant receivedAt) {
        facts.notification(chargePointId, version, action, payload, receivedAt);
    }
}
