package io.depotops.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stands in for a service's use case: changes (here, none) and messages in one transaction. */
@ApplicationScoped
public class TransactionalWriter {

    private final Outbox outbox;

    TransactionalWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void append(List<OutboxMessage> messages) {
        messages.forEach(outbox::append);
    }

    @Transactional
    public void appendThenFail(OutboxMessage message) {
        outbox.append(message);
        throw new IllegalStateException("the use case failed after appending");
    }
}
