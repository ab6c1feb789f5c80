package io.depotops.incidents.adapter.out.messaging;

import io.depotops.incidents.application.port.ProcessedMessages;
import io.depotops.platform.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;

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
}
