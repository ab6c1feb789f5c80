package io.depotops.core.application.port;

/** Which messages a consumer has already applied; call in the transaction that applies one. */
public interface ProcessedMessages {

    /** True the first time {@code consumer} sees {@code messageId}. */
    boolean firstTime(String consumer, String messageId);
}
