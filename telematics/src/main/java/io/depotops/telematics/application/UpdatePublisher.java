package io.depotops.telematics.application;

import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;

/** Hands a normalised update to core's ingest; returns only once it is safely with the broker. */
public interface UpdatePublisher {

    /**
     * @throws PublishFailedException when the update was not taken (broker down, or not valid)
     */
    void publish(StreamClient client, String updateId, Observation observation) throws PublishFailedException;

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
