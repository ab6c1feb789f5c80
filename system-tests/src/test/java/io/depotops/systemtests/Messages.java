package io.depotops.systemtests;

import java.time.Instant;

/** OCPP payloads the test charge point sends, as JSON text. */
final class Messages {

    private Messages() {}

    static String statusNotification16(String status) {
        return """
                {"connectorId":1,"errorCode":"NoError","status":"%s","timestamp":"%s"}""".formatted(status, Instant.now());
    }

    static String startTransaction16(String idTag, long meterStartWh) {
        return """
                {"connectorId":1,"idTag":"%s","meterStart":%d,"timestamp":"%s"}""".formatted(idTag, meterStartWh, Instant.now());
    }

    static String meterValues16(long transactionId, long energyWh) {
        return """
                {"connectorId":1,"transactionId":%d,"meterValue":[{"timestamp":"%s","sampledValue":[
                {"value":"%d","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic"},
                {"value":"75.5","measurand":"Power.Active.Import","unit":"kW","context":"Sample.Periodic"}]}]}""".formatted(transactionId, Instant.now(), energyWh);
    }

    static String stopTransaction16(long transactionId, long meterStopWh, String idTag, String reason) {
        return """
                {"transactionId":%d,"meterStop":%d,"timestamp":"%s","idTag":"%s","reason":"%s"}""".formatted(transactionId, meterStopWh, Instant.now(), idTag, reason);
    }

    static String statusNotification201(String status) {
        return """
                {"timestamp":"%s","connectorStatus":"%s","evseId":1,"connectorId":1}""".formatted(Instant.now(), status);
    }

    static String transactionStarted201(String transactionId, String idToken, long meterStartWh) {
        return """
                {"eventType":"Started","timestamp":"%s","triggerReason":"Authorized","seqNo":0,
                "transactionInfo":{"transactionId":"%s","chargingState":"EVConnected"},
                "evse":{"id":1,"connectorId":1},"idToken":{"idToken":"%s","type":"ISO14443"},
                "meterValue":[%s]}""".formatted(Instant.now(), transactionId, idToken, energy201(meterStartWh, "Transaction.Begin"));
    }

    static String transactionUpdated201(String transactionId, int seqNo, long energyWh) {
        return """
                {"eventType":"Updated","timestamp":"%s","triggerReason":"MeterValuePeriodic","seqNo":%d,
                "transactionInfo":{"transactionId":"%s","chargingState":"Charging"},
                "meterValue":[%s]}""".formatted(Instant.now(), seqNo, transactionId, energy201(energyWh, "Sample.Periodic"));
    }

    static String transactionEnded201(String transactionId, int seqNo, long meterStopWh, String stoppedReason) {
        return """
                {"eventType":"Ended","timestamp":"%s","triggerReason":"EVCommunicationLost","seqNo":%d,
                "transactionInfo":{"transactionId":"%s","chargingState":"Idle","stoppedReason":"%s"},
                "meterValue":[%s]}""".formatted(
                        Instant.now(), seqNo, transactionId, stoppedReason, energy201(meterStopWh, "Transaction.End"));
    }

    static String meterValues201(long energyWh) {
        return """
                {"evseId":1,"meterValue":[%s]}""".formatted(energy201(energyWh, "Sample.Periodic"));
    }

    private static String energy201(long wh, String context) {
        return """
                {"timestamp":"%s","sampledValue":[{"value":%d,"measurand":"Energy.Active.Import.Register",
                "context":"%s","unitOfMeasure":{"unit":"Wh"}}]}""".formatted(Instant.now(), wh, context);
    }
}
