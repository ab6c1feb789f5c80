package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The messages of a charging session in each version's shape, for a simulator that keeps its own
 * clock (every message carries the given timestamp) and meters (energy register, power, state of
 * charge of the vehicle when known). OCPP 1.6: StatusNotification, Start/StopTransaction,
 * MeterValues with the transaction id; 2.0.1: StatusNotification and TransactionEvent
 * Started/Updated/Ended.
 */
public final class SessionPayloads {

    private SessionPayloads() {}

    /** Connector status: 1.6 Available/Preparing/Charging/SuspendedEV/Finishing/Faulted, 2.0.1 Available/Occupied/Faulted/Unavailable. */
    public static String statusNotification(OcppVersion version, int connector, String status, Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        if (version == OcppVersion.V16) {
            body.put("connectorId", connector);
            body.put("errorCode", "Faulted".equals(status) ? "OtherError" : "NoError");
            body.put("status", status);
            body.put("timestamp", at.toString());
        } else {
            body.put("timestamp", at.toString());
            body.put("connectorStatus", status);
            body.put("evseId", connector);
            body.put("connectorId", 1);
        }
        return body.toString();
    }

    public static String startTransaction16(int connector, String idTag, long meterStartWh, Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        body.put("connectorId", connector);
        body.put("idTag", idTag);
        body.put("meterStart", meterStartWh);
        body.put("timestamp", at.toString());
        return body.toString();
    }

    public static String stopTransaction16(long transactionId, long meterStopWh, String reason, Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        body.put("transactionId", transactionId);
        body.put("meterStop", meterStopWh);
        body.put("timestamp", at.toString());
        body.put("reason", reason);
        return body.toString();
    }

    /** 1.6 MeterValues of a connector, with the transaction id when one runs (then queued while offline). */
    public static String meterValues16(
            int connector, Long transactionId, long energyWh, double powerW, Double socPercent, Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        body.put("connectorId", connector);
        if (transactionId != null) {
            body.put("transactionId", transactionId);
        }
        body.set("meterValue", meterValue(OcppVersion.V16, energyWh, powerW, socPercent, "Sample.Periodic", at));
        return body.toString();
    }

    /** 2.0.1 MeterValues of an EVSE outside a transaction. */
    public static String meterValues201(int evse, long energyWh, double powerW, Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        body.put("evseId", evse);
        body.set("meterValue", meterValue(OcppVersion.V201, energyWh, powerW, null, "Sample.Periodic", at));
        return body.toString();
    }

    /**
     * A 2.0.1 TransactionEvent. {@code eventType} Started (with {@code idToken} and the EVSE),
     * Updated or Ended (with {@code stoppedReason}).
     */
    public static String transactionEvent201(
            String eventType,
            String transactionId,
            int seqNo,
            String triggerReason,
            String chargingState,
            int evse,
            String idToken,
            long energyWh,
            double powerW,
            Double socPercent,
            String stoppedReason,
            Instant at) {
        ObjectNode body = Frames.JSON.createObjectNode();
        body.put("eventType", eventType);
        body.put("timestamp", at.toString());
        body.put("triggerReason", triggerReason);
        body.put("seqNo", seqNo);
        ObjectNode info = body.putObject("transactionInfo");
        info.put("transactionId", transactionId);
        info.put("chargingState", chargingState);
        if (stoppedReason != null) {
            info.put("stoppedReason", stoppedReason);
        }
        if ("Started".equals(eventType)) {
            ObjectNode evseNode = body.putObject("evse");
            evseNode.put("id", evse);
            evseNode.put("connectorId", 1);
        }
        if (idToken != null) {
            ObjectNode token = body.putObject("idToken");
            token.put("idToken", idToken);
            token.put("type", "ISO14443");
        }
        String context = switch (eventType) {
            case "Started" -> "Transaction.Begin";
            case "Ended" -> "Transaction.End";
            default -> "Sample.Periodic";
        };
        body.set("meterValue", meterValue(OcppVersion.V201, energyWh, powerW, socPercent, context, at));
        return body.toString();
    }

    private static ArrayNode meterValue(
            OcppVersion version, long energyWh, double powerW, Double socPercent, String context, Instant at) {
        ArrayNode values = Frames.JSON.createArrayNode();
        ObjectNode value = values.addObject();
        value.put("timestamp", at.toString());
        ArrayNode samples = value.putArray("sampledValue");
        sample(samples, version, Long.toString(energyWh), "Energy.Active.Import.Register", "Wh", context);
        sample(samples, version, Long.toString(Math.round(powerW)), "Power.Active.Import", "W", context);
        if (socPercent != null) {
            sample(samples, version, Long.toString(Math.round(socPercent)), "SoC", "Percent", context);
        }
        return values;
    }

    private static void sample(
            ArrayNode samples, OcppVersion version, String value, String measurand, String unit, String context) {
        ObjectNode sample = samples.addObject();
        if (version == OcppVersion.V16) {
            sample.put("value", value);
            sample.put("unit", unit);
        } else {
            sample.put("value", Double.parseDouble(value));
            sample.putObject("unitOfMeasure").put("unit", unit);
        }
        sample.put("measurand", measurand);
        sample.put("context", context);
    }
}
