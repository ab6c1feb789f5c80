package io.depotops.core.adapter.out.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.depotops.core.domain.LoggedFrame;
import java.io.IOException;

/**
 * The head of an OCPP-J frame: {@code [2, "id", "Action", {...}]}, {@code [3, "id", {...}]},
 * {@code [4, "id", "code", ...]}. Only the first tokens are read (streaming), never the payload.
 */
record FrameEnvelope(LoggedFrame.Type type, String messageId, String action) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final FrameEnvelope UNREADABLE = new FrameEnvelope(LoggedFrame.Type.UNREADABLE, null, null);

    static FrameEnvelope of(String frame) {
        if (frame == null) {
            return UNREADABLE;
        }
        try (JsonParser parser = JSON.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                return UNREADABLE;
            }
            LoggedFrame.Type type = LoggedFrame.Type.of(parser.getIntValue());
            if (type == LoggedFrame.Type.UNREADABLE || parser.nextToken() != JsonToken.VALUE_STRING) {
                return UNREADABLE;
            }
            String messageId = parser.getText();
            String action = null;
            if (type == LoggedFrame.Type.CALL) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return UNREADABLE;
                }
                action = parser.getText();
            }
            return new FrameEnvelope(type, messageId, action);
        } catch (IOException e) {
            return UNREADABLE;
        }
    }
}
