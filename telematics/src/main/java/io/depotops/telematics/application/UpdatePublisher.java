package io.depotops.telematics.application;

import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;
import java.util.List;

/** Hands a normalised update to core's ingest; returns only once it is safely with the broker. */
public interface UpdatePublisher {

    /** One normalised update of a vehicle. */
    record Update(StreamClient client, String updateId, Observation observation) {}

    /**
     * Publishes the updates with one wait for the broker's confirms. Returns, for each update in
     * order, null when it was published, else why it never can be (it is not valid).
     *
     * @throws PublishFailedException (retryable) when the broker did not take them: then none
     *     counts as published
     */
    List<String> publishAll(List<Update> updates) throws PublishFailedException;

    class PublishFailedException extends Exception {

        private final boolean retryable;

        public PublishFailedException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        /** False when the update itself is at fault (it would never be taken). */
        public boolean retryable() {
            return retryable;
        }
    }
}
