package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;

/** How a CALL connect sent to a charger ended. */
public record CallOutcome(Kind kind, JsonNode payload, String errorCode, String description) {

    public enum Kind {
        /** CALLRESULT with a payload that passed its schema. */
        RESULT,
        /** CALLERROR from the charger. */
        ERROR,
        /** No answer within the call timeout. */
        TIMED_OUT,
        /** The charger is not connected here (or disconnected before answering). */
        OFFLINE,
        /** CALLRESULT whose payload fails its schema. */
        INVALID_RESPONSE
    }

    static CallOutcome result(JsonNode payload) {
        return new CallOutcome(Kind.RESULT, payload, null, null);
    }

    static CallOutcome failed(Kind kind, String errorCode, String description) {
        return new CallOutcome(kind, null, errorCode, description);
    }
}
