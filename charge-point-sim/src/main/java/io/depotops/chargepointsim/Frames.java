package io.depotops.chargepointsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** OCPP-J framing: [2,id,action,payload] CALL, [3,id,payload] CALLRESULT, [4,id,code,text,details] CALLERROR. */
public final class Frames {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final int CALL = 2;
    public static final int CALL_RESULT = 3;
    public static final int CALL_ERROR = 4;

    private Frames() {}

    public static String call(String messageId, String action, String payloadJson) {
        return "[2," + quote(messageId) + "," + quote(action) + "," + payloadJson + "]";
    }

    public static String callResult(String messageId, String payloadJson) {
        return "[3," + quote(messageId) + "," + payloadJson + "]";
    }

    public static String callError(String messageId, String code, String description) {
        return "[4," + quote(messageId) + "," + quote(code) + "," + quote(description) + ",{}]";
    }

    /** The frame as JSON; text that is not JSON comes back as a JSON string node. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** The message type of a frame, or 0 when it is no OCPP-J array. */
    public static int typeOf(JsonNode frame) {
        return frame.isArray() && frame.path(0).isInt() ? frame.get(0).asInt() : 0;
    }

    public static boolean isCall(JsonNode frame) {
        return typeOf(frame) == CALL;
    }

    static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }
}
