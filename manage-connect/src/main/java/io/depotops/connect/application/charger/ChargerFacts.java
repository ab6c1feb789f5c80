package io.depotops.connect.application.charger;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.MeterSample;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.StatusReport;
import io.depotops.connect.domain.TransactionEvent;
import java.time.Instant;
import java.util.List;

/**
 * Port for the facts connect publishes. Implementations must not lose a fact when the broker is
 * down (the outbox), and keep the facts of one charger in order.
 */
public interface ChargerFacts {

    enum Direction {
        IN,
        OUT
    }

    void connected(String chargePointId, OcppVersion version, String sessionId, Instant at, String remoteAddress);

    void disconnected(String chargePointId, OcppVersion version, String sessionId, Instant at, String reason);

    void booted(String chargePointId, OcppVersion version, BootNotice notice, BootOutcome outcome);

    void statusChanged(String chargePointId, OcppVersion version, StatusReport report);

    /**
     * A transaction event with the meter samples that came with it, atomically: a Started event
     * goes before its samples, Updated and Ended ones after them.
     */
    void transactionEvent(String chargePointId, OcppVersion version, TransactionEvent event, List<MeterSample> samples);

    /** Meter samples outside a transaction event (MeterValues), in order. */
    void meterValues(String chargePointId, OcppVersion version, List<MeterSample> samples);

    /** A DataTransfer from the charger ({@code data} as sent, may be null) and the status answered. */
    void dataTransfer(
            String chargePointId,
            OcppVersion version,
            String vendorId,
            String messageId,
            JsonNode data,
            String status,
            Instant at);

    /** A firmware status notification; {@code requestId} (2.0.1) may be null. */
    void firmwareStatus(String chargePointId, OcppVersion version, String status, Integer requestId, Instant at);

    /** A diagnostics (1.6) or log (2.0.1) upload status; {@code requestId} (2.0.1) may be null. */
    void diagnosticsStatus(String chargePointId, OcppVersion version, String status, Integer requestId, Instant at);

    void securityEvent(String chargePointId, OcppVersion version, String type, Instant timestamp, String techInfo);

    /** A report or notification without a fact of its own: the action and its payload as sent. */
    void notification(String chargePointId, OcppVersion version, String action, JsonNode payload, Instant at);

    /** One raw OCPP-J frame, as received or sent, for core's message log. */
    void frame(
            String chargePointId, OcppVersion version, String sessionId, Direction direction, String text, Instant at);
}
