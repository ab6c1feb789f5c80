package io.depotops.contracts.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event types published on {@code depotops.events}. The name is {@code
 * <producer>.<aggregate>.<fact>.v<version>}; a change that breaks readers gets a new version.
 */
public final class EventTypes {

    public static final String CORE_CHARGER_REGISTERED_V1 = "core.charger.registered.v1";
    public static final String CORE_TRANSACTION_ENDED_V1 = "core.transaction.ended.v1";
    public static final String CORE_TELEMATICS_VEHICLE_UPDATED_V1 = "core.telematics.vehicle-updated.v1";
    public static final String CORE_TELEMATICS_VEHICLE_STALE_V1 = "core.telematics.vehicle-stale.v1";

    public static final String CONNECT_CHARGER_CONNECTED_V1 = "connect.charger.connected.v1";
    public static final String CONNECT_CHARGER_DISCONNECTED_V1 = "connect.charger.disconnected.v1";
    public static final String CONNECT_CHARGER_BOOT_V1 = "connect.charger.boot.v1";
    public static final String CONNECT_CHARGER_STATUS_CHANGED_V1 = "connect.charger.status-changed.v1";
    public static final String CONNECT_CHARGER_METER_VALUES_V1 = "connect.charger.meter-values.v1";
    public static final String CONNECT_CHARGER_TRANSACTION_EVENT_V1 = "connect.charger.transaction-event.v1";
    public static final String CONNECT_CHARGER_DATA_TRANSFER_V1 = "connect.charger.data-transfer.v1";
    public static final String CONNECT_CHARGER_FIRMWARE_STATUS_V1 = "connect.charger.firmware-status.v1";
    public static final String CONNECT_CHARGER_DIAGNOSTICS_STATUS_V1 = "connect.charger.diagnostics-status.v1";
    public static final String CONNECT_CHARGER_SECURITY_EVENT_V1 = "connect.charger.security-event.v1";
    public static final String CONNECT_CHARGER_NOTIFICATION_V1 = "connect.charger.notification.v1";
    public static final String CONNECT_OCPP_FRAME_V1 = "connect.ocpp.frame.v1";
    public static final String CONNECT_COMMAND_RESULT_V1 = "connect.command.result.v1";
    /** An operator sent a command through connect's API ({@code commands.CommandRequestedV1}). */
    public static final String CONNECT_COMMAND_REQUESTED_V1 = "connect.command.requested.v1";

    public static final String CORE_TRANSACTION_STARTED_V1 = "core.transaction.started.v1";
    /** The registry feed moved on ({@code io.depotops.contracts.registry.RegistryChangedV1}). */
    public static final String CORE_REGISTRY_CHANGED_V1 = "core.registry.changed.v1";

    /** An incident opened ({@code incidents.IncidentOpenedV1}); subject: the incident id. */
    public static final String INCIDENTS_INCIDENT_OPENED_V1 = "incidents.incident.opened.v1";
    /** A person acknowledged an incident ({@code incidents.IncidentAcknowledgedV1}). */
    public static final String INCIDENTS_INCIDENT_ACKNOWLEDGED_V1 = "incidents.incident.acknowledged.v1";
    /** An incident was resolved, by a person or by its rule ({@code incidents.IncidentResolvedV1}). */
    public static final String INCIDENTS_INCIDENT_RESOLVED_V1 = "incidents.incident.resolved.v1";

    /** A node's measured load and headroom, at most once a second per node ({@code sitepwrmon.NodeLoadV1}). */
    public static final String SITEPWRMON_NODE_LOAD_V1 = "sitepwrmon.node-load.v1";
    /** A node's load entered the warning band below its limit ({@code sitepwrmon.LimitApproachingV1}). */
    public static final String SITEPWRMON_LIMIT_APPROACHING_V1 = "sitepwrmon.limit-approaching.v1";
    /** A node's load went above one of its limits ({@code sitepwrmon.LimitExceededV1}). */
    public static final String SITEPWRMON_LIMIT_EXCEEDED_V1 = "sitepwrmon.limit-exceeded.v1";
    /** A meter sent nothing for longer than its silence threshold ({@code sitepwrmon.MeterSilentV1}). */
    public static final String SITEPWRMON_METER_SILENT_V1 = "sitepwrmon.meter-silent.v1";

    /** A vehicle's projected state of charge at its next departure fell below its target ({@code twin.DepartureAtRiskV1}). */
    public static final String TWIN_VEHICLE_DEPARTURE_AT_RISK_V1 = "twin.vehicle.departure-at-risk.v1";
    /** A vehicle at risk is projected to reach its target again, or has left ({@code twin.DepartureRiskClearedV1}). */
    public static final String TWIN_VEHICLE_DEPARTURE_RISK_CLEARED_V1 = "twin.vehicle.departure-risk-cleared.v1";

    /** Every type this class names, read from its constants: a list that cannot fall behind. */
    private static final Set<String> ALL = Arrays.stream(EventTypes.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(EventTypes::constant)
            .collect(Collectors.toUnmodifiableSet());

    private EventTypes() {}

    /** Every event type published on {@code depotops.events} that this class names. */
    public static Set<String> all() {
        return ALL;
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event type whose data {@code data} is, as its {@link EventType} annotation names it. */
    public static String of(Class<?> data) {
        EventType type = data.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(data.getName() + " names no event type (@EventType)");
        }
        return type.value();
    }
}
