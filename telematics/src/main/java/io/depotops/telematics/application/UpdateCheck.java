package io.depotops.telematics.application;

import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;
import java.util.Optional;

/**
 * Whether one message's observation, on its own, makes a canonical update core's ingest would
 * take. Asked for every message before it is coalesced, so one bad message is refused alone and
 * never spoils the valid ones of its window.
 */
public interface UpdateCheck {

    /** Why it is not valid: where in the canonical update (a JSON pointer) and what is wrong there. */
    record Refusal(String pointer, String reason) {

        public String message() {
            return pointer.isEmpty() ? reason : pointer + ": " + reason;
        }
    }

    /** Empty when the observation, published as update {@code updateId}, would be valid. */
    Optional<Refusal> refusal(StreamClient client, String updateId, Observation observation);
}
