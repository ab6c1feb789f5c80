package io.depotops.connect.domain;

import java.util.Set;

/**
 * Who initiates each OCPP action, a fact of the specifications (OCPP 1.6 edition 2 sections 4 and
 * 5 with the 1.6 security whitepaper; OCPP 2.0.1 Part 2, whose use cases say who sends each
 * message). An action both versions have is initiated by the same side in both, so this is kept
 * once for both. Which actions a version has at all is what its OCA schemas name ({@code
 * PayloadValidator.actions}), not this class.
 */
public final class OcppActions {

    /** The actions a charger initiates; the central system initiates every other one. */
    private static final Set<String> CHARGER_INITIATED = Set.of(
            "Authorize",
            "BootNotification",
            "ClearedChargingLimit",
            "DataTransfer",
            "DiagnosticsStatusNotification",
            "FirmwareStatusNotification",
            "Get15118EVCertificate",
            "GetCertificateStatus",
            "Heartbeat",
            "LogStatusNotification",
            "MeterValues",
            "NotifyChargingLimit",
            "NotifyCustomerInformation",
            "NotifyDisplayMessages",
            "NotifyEVChargingNeeds",
            "NotifyEVChargingSchedule",
            "NotifyEvent",
            "NotifyMonitoringReport",
            "NotifyReport",
            "PublishFirmwareStatusNotification",
            "ReportChargingProfiles",
            "ReservationStatusUpdate",
            "SecurityEventNotification",
            "SignCertificate",
            "SignedFirmwareStatusNotification",
            "StartTransaction",
            "StatusNotification",
            "StopTransaction",
            "TransactionEvent");

    /** The one action either side initiates. */
    private static final String BOTH_WAYS = "DataTransfer";

    private OcppActions() {}

    /** Whether chargers initiate {@code action} (DataTransfer: either side). */
    public static boolean sentByChargers(String action) {
        return CHARGER_INITIATED.contains(action);
    }

    /** Whether the central system initiates {@code action} (DataTransfer: either side). */
    public static boolean sentToChargers(String action) {
        return !CHARGER_INITIATED.contains(action) || BOTH_WAYS.equals(action);
    }
}
