package io.depotops.twin.application.port;

import java.util.Collection;
import java.util.Set;

/** The twin's inbox: which event ids it sees for the first time (inside the caller's transaction). */
public interface ProcessedEvents {

    Set<String> firstDeliveries(Collection<String> eventIds);
}
