package io.depotops.chargepointsim;

import java.time.Instant;

/** Payloads of the CALLs a charger sends, in each version's shape. */
public final class Payloads {

    private Payloads() {}

    public static String bootNotification(OcppVersion version, String vendor, String model, String serial) {
        return version == OcppVersion.V16
                ? "{\"chargePointVendor\":" + Frames.quote(vendor) + ",\"chargePointModel\":" + Frames.quote(model)
                        + ",\"chargePointSerialNumber\":" + Frames.quote(serial) + "}"
                : "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":" + Frames.quote(vendor) + ",\"model\":"
                        + Frames.quote(model) + ",\"serialNumber\":" + Frames.quote(serial) + "}}";
    }

    public static String heartbeat() {
        return "{}";
    }

    /** Energy register and power of connector/EVSE 1; with a transaction id when one runs. */
    public static String meterValues(OcppVersion version, long energyWh, Object transactionId) {
        Instant now = Instant.now();
        if (version == OcppVersion.V16) {
            return "{\"connectorId\":1"
                    + (transactionId == null ? "" : ",\"transactionId\":" + transactionId)
                    + ",\"meterValue\":[{\"timestamp\":\"" + now + "\",\"sampledValue\":[{\"value\":\"" + energyWh
                    + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
                    + "{\"value\":\"22000\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}";
        }
        return "{\"evseId\":1,\"meterValue\":[{\"timestamp\":\"" + now + "\",\"sampledValue\":[{\"value\":" + energyWh
                + ",\"measurand\":\"Energy.Active.Import.Register\",\"unitOfMeasure\":{\"unit\":\"Wh\"}},"
                + "{\"value\":22000,\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}}]}]}";
    }

    public static String statusNotification(OcppVersion version, String status) {
        return version == OcppVersion.V16
                ? "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":" + Frames.quote(status) + "}"
                : "{\"timestamp\":\"" + Instant.now() + "\",\"connectorStatus\":" + Frames.quote(status)
                        + ",\"evseId\":1,\"connectorId\":1}";
    }

    /**
     * Whether OCPP wants this message delivered even across a lost connection (1.6: Start/Stop
     * Transaction and MeterValues of a transaction; 2.0.1: TransactionEvent), so it is queued
     * while offline and sent again after reconnecting.
     */
    public static boolean isTransactionRelated(OcppVersion version, String action, String payloadJson) {
        return version == OcppVersion.V16
                ? action.equals("StartTransaction")
                        || action.equals("StopTransaction")
                        || (action.equals("MeterValues") && payloadJson.contains("\"transactionId\""))
                : action.equals("TransactionEvent");
    }
}
