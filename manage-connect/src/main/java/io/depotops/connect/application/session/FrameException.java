package io.depotops.connect.application.session;

import io.depotops.connect.domain.RpcError;

/**
 * A frame that is not valid OCPP-J. {@code messageId} is {@code "-1"} when it could not be read
 * (OCPP 2.0.1 Part 4 section 4.2.3: a CALLERROR for a message whose id cannot be read carries
 * "-1"); {@code answerable} is false for broken CALLRESULT/CALLERROR frames, which are never
 * answered.
 */
public class FrameException extends Exception {

    private final RpcError error;
    private final String messageId;
    private final boolean answerable;

    public FrameException(RpcError error, String messageId, String description, boolean answerable) {
        super(description);
        this.error = error;
        this.messageId = messageId;
        this.answerable = answerable;
    }

    public RpcError error() {
        return error;
    }

    public String messageId() {
        return messageId;
    }

    public boolean answerable() {
        return answerable;
    }
}
