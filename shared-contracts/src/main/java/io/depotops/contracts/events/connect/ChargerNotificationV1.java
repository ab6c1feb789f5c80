package io.depotops.contracts.events.connect;

import java.time.Instant;
import java.util.Map;

/**
 * {@code connect.charger.notification.v1}: a report or notification of the charger that has no
 * dedicated event (2.0.1 NotifyEvent, NotifyReport, NotifyMonitoringReport, NotifyChargingLimit,
 * ClearedChargingLimit, NotifyEVChargingNeeds, NotifyEVChargingSchedule, ReportChargingProfiles,
 * ReservationStatusUpdate, NotifyCustomerInformation, NotifyDisplayMessages,
 * PublishFirmwareStatusNotification). {@code action} names it, {@code payload} is the OCPP payload
 * as the charger sent it (valid against its schema).
 */
public record ChargerNotificationV1(
        String chargePointId, String ocppVersion, String action, Map<String, Object> payload, Instant receivedAt) {}
