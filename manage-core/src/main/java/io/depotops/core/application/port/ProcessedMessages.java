package io.depotops.core.application.port;

import java.util.Collection;
import java.util.Set;

/** Which messages a consumer has already applied; call in the transaction that applies them. */
public interface ProcessedMessages {

    /** True the first time {@code consumer} sees {@code messageId}. */
    boolean firstTime(String consumer, String messageId);

    /** The ids {@code consumer} sees for the first time, recorded with one statement. */
    Set<String> firstTimeAll(String consumer, Collection<String> messageIds);
}
