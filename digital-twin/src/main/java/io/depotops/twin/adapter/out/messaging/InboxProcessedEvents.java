package io.depotops.twin.adapter.out.messaging;

import io.depotops.platform.outbox.Inbox;
import io.depotops.twin.application.port.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;

/** The platform inbox under the twin's consumer name. */
@ApplicationScoped
class InboxProcessedEvents implements ProcessedEvents {

    static final String CONSUMER = "digital-twin.events";

    private final Inbox inbox;

    InboxProcessedEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Set<String> firstDeliveries(Collection<String> eventIds) {
        return inbox.firstDeliveries(CONSUMER, eventIds);
    }
}
