package io.depotops.connect.application.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.depotops.connect.domain.RpcError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads and writes OCPP-J frames. Message types: 2 CALL, 3 CALLRESULT, 4 CALLERROR (OCPP-J 1.6
 * section 4.1.3, OCPP 2.0.1 Part 4 section 4.2). A message id is a string of at most 36 characters
 * (both versions).
 */
@ApplicationScoped
public class FrameCodec {

    static final String UNREADABLE_ID = "-1";
    private static final int MAX_ID_LENGTH = 36;

    private final ObjectMapper mapper;

    public FrameCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Frame parse(String text) throws FrameException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameException(RpcError.RPC_FRAMEWORK_ERROR, UNREADABLE_ID, "Message is not valid JSON", true);
        }
        if (root == null || !root.isArray() || root.size() < 2) {
            throw new FrameException(
                    RpcError.RPC_FRAMEWORK_ERROR, UNREADABLE_ID, "Message is not an OCPP-J array", true);
        }
        JsonNode idNode = root.get(1);
        if (!idNode.isTextual() || idNode.asText().isEmpty()) {
            throw new FrameException(
                    RpcError.RPC_FRAMEWORK_ERROR, UNREADABLE_ID, "MessageId must be a non-empty string", true);
        }
        String id = idNode.asText();
        JsonNode type = root.get(0);
        if (!type.isInt()) {
            throw new FrameException(RpcError.RPC_FRAMEWORK_ERROR, id, "MessageTypeId must be an integer", true);
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new FrameException(
                    RpcError.FORMAT_VIOLATION, id, "MessageId longer than " + MAX_ID_LENGTH + " characters", true);
        }
        return switch (type.asInt()) {
            case 2 -> call(root, id);
            case 3 -> callResult(root, id);
            case 4 -> callError(root, id);
            default ->
                throw new FrameException(
                        RpcError.MESSAGE_TYPE_NOT_SUPPORTED,
                        id,
                        "MessageTypeId " + type.asInt() + " is not supported",
                        true);
        };
    }

    private static Frame call(JsonNode root, String id) throws FrameException {
        if (root.size() != 4) {
            throw new FrameException(RpcError.FORMAT_VIOLATION, id, "A CALL has exactly 4 elements", true);
        }
        if (!root.get(2).isTextual() || root.get(2).asText().isEmpty()) {
            throw new FrameException(RpcError.FORMAT_VIOLATION, id, "Action must be a non-empty string", true);
        }
        if (!root.get(3).isObject()) {
            throw new FrameException(RpcError.FORMAT_VIOLATION, id, "Payload must be a JSON object", true);
        }
        return new Frame.Call(id, root.get(2).asText(), root.get(3));
    }

    private static Frame callResult(JsonNode root, String id) throws FrameException {
        if (root.size() != 3 || !root.get(2).isObject()) {
            throw new FrameException(
                    RpcError.FORMAT_VIOLATION, id, "A CALLRESULT has 3 elements, the last an object", false);
        }
        return new Frame.CallResult(id, root.get(2));
    }

    private static Frame callError(JsonNode root, String id) throws FrameException {
        if (root.size() < 4
                || root.size() > 5
                || !root.get(2).isTextual()
                || !root.get(3).isTextual()) {
            throw new FrameException(
                    RpcError.FORMAT_VIOLATION, id, "A CALLERROR has code, description and details", false);
        }
        JsonNode details = root.size() == 5 ? root.get(4) : null;
        return new Frame.CallError(id, root.get(2).asText(), root.get(3).asText(), details);
    }

    public String call(String messageId, String action, JsonNode payload) {
        ArrayNode frame = mapper.createArrayNode();
        frame.add(2).add(messageId).add(action).add(payload);
        return frame.toString();
    }

    public String callResult(String messageId, JsonNode payload) {
        ArrayNode frame = mapper.createArrayNode();
        frame.add(3).add(messageId).add(payload);
        return frame.toString();
    }

    /** A CALLERROR; descriptions are cut to 255 characters (the 2.0.1 limit). */
    public String callError(String messageId, String errorCode, String description) {
        ArrayNode frame = mapper.createArrayNode();
        String text = description == null ? "" : description;
        frame.add(4)
                .add(messageId)
                .add(errorCode)
                .add(text.length() > 255 ? text.substring(0, 255) : text)
                .add(mapper.createObjectNode());
        return frame.toString();
    }
}
