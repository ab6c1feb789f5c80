package io.depotops.telematics.application;

import io.depotops.telematics.application.UpdatePublisher.PublishFailedException;
import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Buffers streamed observations per vehicle, coalesces those of one window (the latest values
 * win), publishes one canonical update per vehicle and window, and only then acknowledges every
 * message that went into it. While the broker is down nothing is acknowledged and the buffer keeps
 * coalescing; past its bound, new vehicles are refused as busy (backpressure), so nothing that was
 * acknowledged can be lost.
 */
@ApplicationScoped
public class StreamIngest {

    /** Tells the provider what became of its messages. */
    public interface Acknowledger {
        void acknowledged(List<String> messageIds);

        void refused(List<String> messageIds, String reason);
    }

    /** What became of a submitted message: queued, refused as busy, or refused as invalid (why). */
    public record Admission(Outcome outcome, UpdateCheck.Refusal refusal) {

        public enum Outcome {
            QUEUED,
            BUSY,
            INVALID
        }

        static final Admission QUEUED = new Admission(Outcome.QUEUED, null);
        static final Admission BUSY = new Admission(Outcome.BUSY, null);
    }

    private static final Logger LOG = Logger.getLogger(StreamIngest.class);

    /** Updates published with one wait for the broker's confirms. */
    static final int PUBLISH_BATCH = 500;

    private record Key(String workspaceId, String provider, String deviceId) {}

    private record Waiting(String messageId, Acknowledger acknowledger) {}

    private record Pending(
            StreamClient client, Observation observation, String latestMessageId, List<Waiting> waiting) {

        Pending with(Observation more, String messageId, Acknowledger acknowledger) {
            List<Waiting> all = new ArrayList<>(waiting);
            all.add(new Waiting(messageId, acknowledger));
            boolean newer = !more.observedAt().isBefore(observation.observedAt());
            return new Pending(client, observation.coalesce(more), newer ? messageId : latestMessageId, all);
        }

        /** Puts a batch that failed to publish back in front of what arrived meanwhile. */
        Pending before(Pending later) {
            List<Waiting> all = new ArrayList<>(waiting);
            all.addAll(later.waiting);
            boolean laterIsNewer = !later.observation.observedAt().isBefore(observation.observedAt());
            return new Pending(
                    client,
                    observation.coalesce(later.observation),
                    laterIsNewer ? later.latestMessageId : latestMessageId,
                    all);
        }
    }

    private final ConcurrentMap<Key, Pending> pending = new ConcurrentHashMap<>();
    private final UpdatePublisher publisher;
    private final UpdateCheck check;
    private final StreamSettings settings;
    private volatile boolean running;
    private volatile Thread flusher;

    StreamIngest(UpdatePublisher publisher, UpdateCheck check, StreamSettings settings) {
        this.publisher = publisher;
        this.check = check;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        // Set before the thread starts: it may run before the assignment below completes.
        running = true;
        flusher = Thread.ofVirtual().name("telematics-flusher").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = flusher;
        if (current != null) {
            current.interrupt();
        }
    }

    /**
     * Checks the message on its own (the canonical schema) and, when it is valid, queues it to be
     * coalesced with the others of its vehicle and window. An invalid message is refused alone:
     * it never reaches the coalesced update, so the valid messages of its window go on.
     */
    public Admission submit(StreamClient client, String messageId, Observation observation, Acknowledger acknowledger) {
        var refusal = check.refusal(client, updateId(client, messageId), observation);
        if (refusal.isPresent()) {
            return new Admission(Admission.Outcome.INVALID, refusal.get());
        }
        Key key = new Key(client.workspaceId(), client.provider(), observation.deviceId());
        if (!pending.containsKey(key) && pending.size() >= settings.maxPendingVehicles()) {
            return Admission.BUSY;
        }
        pending.merge(
                key,
                new Pending(client, observation, messageId, List.of(new Waiting(messageId, acknowledger))),
                (current, fresh) -> current.with(observation, messageId, acknowledger));
        return Admission.QUEUED;
    }

    /** The id of the update a message's values are published in when it is the newest of its window. */
    static String updateId(StreamClient client, String messageId) {
        return client.provider() + ":" + messageId;
    }

    /** Vehicles whose updates wait to be published. */
    public int pendingVehicles() {
        return pending.size();
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(settings.coalesceWindow().toMillis());
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "telematics flush failed");
            }
        }
    }

    /**
     * Publishes every waiting vehicle's coalesced update, {@link #PUBLISH_BATCH} at a time with one
     * wait for the broker each; what the broker does not take waits for the next flush, in order.
     */
    void flush() {
        List<Key> keys = List.copyOf(pending.keySet());
        for (int from = 0; from < keys.size(); from += PUBLISH_BATCH) {
            List<Key> slice = keys.subList(from, Math.min(keys.size(), from + PUBLISH_BATCH));
            List<Key> taken = new ArrayList<>(slice.size());
            List<Pending> batches = new ArrayList<>(slice.size());
            for (Key key : slice) {
                Pending batch = pending.remove(key);
                if (batch != null) {
                    taken.add(key);
                    batches.add(batch);
                }
            }
            if (batches.isEmpty()) {
                continue;
            }
            List<String> refusals;
            try {
                refusals = publisher.publishAll(batches.stream()
                        .map(batch -> new UpdatePublisher.Update(
                                batch.client(), updateId(batch.client(), batch.latestMessageId()), batch.observation()))
                        .toList());
            } catch (PublishFailedException e) {
                for (int i = 0; i < batches.size(); i++) {
                    pending.merge(taken.get(i), batches.get(i), (later, failed) -> failed.before(later));
                }
                return; // the broker is down: the rest waits too, in order
            }
            for (int i = 0; i < batches.size(); i++) {
                if (refusals.get(i) == null) {
                    acknowledge(batches.get(i));
                } else {
                    refuse(batches.get(i), refusals.get(i));
                }
            }
        }
    }

    private static void acknowledge(Pending batch) {
        group(batch).forEach((acknowledger, ids) -> acknowledger.acknowledged(ids));
    }

    private static void refuse(Pending batch, String reason) {
        group(batch).forEach((acknowledger, ids) -> acknowledger.refused(ids, reason));
    }

    private static java.util.Map<Acknowledger, List<String>> group(Pending batch) {
        java.util.Map<Acknowledger, List<String>> byAcknowledger = new java.util.LinkedHashMap<>();
        for (Waiting waiting : batch.waiting()) {
            byAcknowledger
                    .computeIfAbsent(waiting.acknowledger(), a -> new ArrayList<>())
                    .add(waiting.messageId());
        }
        return byAcknowledger;
    }
}
