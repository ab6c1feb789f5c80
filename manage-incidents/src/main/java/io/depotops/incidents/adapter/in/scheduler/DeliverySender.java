package io.depotops.incidents.adapter.in.scheduler;

import io.depotops.incidents.application.notification.DeliveryDispatch;
import io.depotops.incidents.application.notification.DeliveryDispatch.Work;
import io.depotops.incidents.application.port.NotificationTransport;
import io.depotops.incidents.application.port.NotificationTransport.SendFailedException;
import io.depotops.incidents.domain.notification.NotificationMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries every {@code depotops.incidents.notifications.poll}: claims as many as it
 * has free senders, sends each on its own virtual thread (a slow or failing channel holds only its
 * own sends, never another channel's), then records the outcome. Repeats of open incidents are
 * enqueued every {@code depotops.incidents.notifications.repeat-check}.
 */
@ApplicationScoped
class DeliverySender {

    static final int SENDERS = 64;
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final DeliveryDispatch dispatch;
    private final NotificationTransport transport;
    private final Semaphore free = new Semaphore(SENDERS);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final MeterRegistry meters;

    DeliverySender(DeliveryDispatch dispatch, NotificationTransport transport, MeterRegistry meters) {
        this.dispatch = dispatch;
        this.transport = transport;
        this.meters = meters;
    }

    @Scheduled(
            every = "${depotops.incidents.notifications.poll:250ms}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int available = free.availablePermits();
        if (available == 0) {
            return;
        }
        List<Work> claimed;
        try {
            claimed = dispatch.claim(available);
        } catch (RuntimeException e) {
            LOG.debugf("notifications not claimed this time: %s", e.getMessage());
            return;
        }
        for (Work work : claimed) {
            free.acquireUninterruptibly();
            threads.submit(() -> {
                try {
                    send(work);
                } finally {
                    free.release();
                }
            });
        }
    }

    @Scheduled(
            every = "${depotops.incidents.notifications.repeat-check:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enqueueRepeats() {
        try {
            dispatch.enqueueRepeats();
        } catch (RuntimeException e) {
            LOG.debugf("repeats not enqueued this time: %s", e.getMessage());
        }
    }

    private void send(Work work) {
        String error = null;
        try {
            transport.send(
                    work.channel(),
                    work.delivery(),
                    work.incident(),
                    NotificationMessage.of(
                            work.incident(),
                            work.delivery().kind(),
                            work.delivery().id().toString()));
        } catch (SendFailedException | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        meters.counter(
                        "depotops.incidents.notifications.attempts",
                        "type",
                        work.channel().type().name(),
                        "outcome",
                        error == null ? "sent" : "failed")
                .increment();
        try {
            dispatch.record(work, error);
        } catch (RuntimeException e) {
            // Not recorded: the lease runs out and the delivery is sent again, with the same id.
            LOG.warnf("delivery %s: outcome not recorded (%s)", work.delivery().id(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }
}
