package io.depotops.incidents.adapter.out.messaging;

import io.depotops.incidents.application.port.ProcessedMessages;
import io.depotops.platform.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;

@ApplicationScoped
class InboxProcessedMessages implements ProcessedMessages {

    private final Inbox inbox;

    InboxProcessedMessages(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean firstTime(String consumer, String messageId) {
        return inbox.firstDelivery(consumer, messageId);
    }

    @Override
    public Set<String> firstTimes(String consumer, Collection<String> messageIds) {
        return inbox.firstDeliveries(consumer, messageIds);
    }
}
