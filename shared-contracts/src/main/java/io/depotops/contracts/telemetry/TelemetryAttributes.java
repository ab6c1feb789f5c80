package io.depotops.contracts.telemetry;

/**
 * OpenTelemetry span and metric attribute keys of depotops. Standard semantic-convention keys
 * (http.*, messaging.*, db.*) are used as they are; these name what is ours.
 */
public final class TelemetryAttributes {

    public static final String WORKSPACE_ID = "depotops.workspace.id";
    public static final String CHARGE_POINT_ID = "depotops.charge_point.id";
    public static final String VEHICLE_ID = "depotops.vehicle.id";
    public static final String DEPOT_ID = "depotops.depot.id";
    public static final String EVENT_TYPE = "depotops.event.type";
    public static final String EVENT_ID = "depotops.event.id";
    public static final String OCPP_VERSION = "depotops.ocpp.version";
    public static final String OCPP_ACTION = "depotops.ocpp.action";
    public static final String OUTBOX_POSITION = "depotops.outbox.position";
    public static final String PROBLEM_TYPE = "depotops.problem.type";

    private TelemetryAttributes() {}
}
