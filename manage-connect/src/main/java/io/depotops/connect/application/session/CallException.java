package io.depotops.connect.application.session;

import io.depotops.connect.domain.RpcError;

/** A handler refuses a CALL: the charger gets a CALLERROR with this code. */
public class CallException extends RuntimeException {

    private final RpcError error;

    public CallException(RpcError error, String description) {
        super(description);
        this.error = error;
    }

    public RpcError error() {
        return error;
    }
}
