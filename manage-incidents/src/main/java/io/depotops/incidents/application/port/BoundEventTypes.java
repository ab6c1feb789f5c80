package io.depotops.incidents.application.port;

import java.util.Set;

/** The record of which event types the rules' queue is bound to. In the caller's transaction. */
public interface BoundEventTypes {

    /**
     * The recorded types, after taking a lock held until the caller's transaction ends: reconciles
     * of several instances (and rule writes) follow one another, so none unbinds what another's
     * uncommitted rule needs.
     */
    Set<String> lockAndRead();

    void record(Set<String> eventTypes);
}
