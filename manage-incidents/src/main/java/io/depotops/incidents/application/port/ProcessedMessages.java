package io.depotops.incidents.application.port;

import java.util.Collection;
import java.util.Set;

/** Which messages have been applied: effects happen once per message id. */
public interface ProcessedMessages {

    /** True the first time {@code consumer} sees {@code messageId}; in the caller's transaction. */
    boolean firstTime(String consumer, String messageId);

    /** The ids {@code consumer} sees for the first time, recorded with one statement; in the caller's transaction. */
    Set<String> firstTimes(String consumer, Collection<String> messageIds);
}
