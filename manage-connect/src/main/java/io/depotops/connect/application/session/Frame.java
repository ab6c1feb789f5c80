package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;

/** One OCPP-J RPC frame (OCPP-J 1.6 section 4, OCPP 2.0.1 Part 4 section 4). */
public sealed interface Frame {

    String messageId();

    /** {@code [2, "<id>", "<action>", {payload}]} */
    record Call(String messageId, String action, JsonNode payload) implements Frame {}

    /** {@code [3, "<id>", {payload}]} */
    record CallResult(String messageId, JsonNode payload) implements Frame {}

    /** {@code [4, "<id>", "<code>", "<description>", {details}]} */
    record CallError(String messageId, String errorCode, String description, JsonNode details) implements Frame {}
}
