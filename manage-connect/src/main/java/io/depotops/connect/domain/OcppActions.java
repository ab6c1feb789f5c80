package io.depotops.connect.domain;

import java.util.Set;

/**
 * Which actions a charger may send (it initiates them) in each version. The schemas name the
 * others too (actions the central system initiates): a charger sending one of those gets
 * NotSupported, an action no schema names gets NotImplemented.
 */
public final class OcppActions {

    /** OCPP 1.6 (Core and the other profiles, plus the 1.6 security whitepaper). */
    public static final Set<String> FROM_CHARGER_16 = Set.of(
            "Authorize",
            "BootNotification",
            "DataTransfer",
            "DiagnosticsStatusNotification",
            "FirmwareStatusNotification",
            "Heartbeat",
            "MeterValues",
            "StartTransaction",
            "StatusNotification",
            "StopTransaction",
            "LogStatusNotification",
            "SecurityEventNotification",
            "SignCertificate",
            "SignedFirmwareStatusNotification");

    /** OCPP 2.0.1. */
    public static final Set<String> FROM_CHARGER_201 = Set.of(
            "Authorize",
            "BootNotification",
            "ClearedChargingLimit",
            "DataTransfer",
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
            "StatusNotification",
            "TransactionEvent");

    private OcppActions() {}

    public static boolean sentByCharger(OcppVersion version, String action) {
        return (version == OcppVersion.V16 ? FROM_CHARGER_16 : FROM_CHARGER_201).contains(action);
    }
}
