package io.depotops.core.application.port;

import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.domain.ProviderCredentials;
import io.depotops.core.domain.ProviderKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads a provider's feed, one page at a time, normalised to canonical updates. */
public interface TelematicsProviderClient {

    ProviderKind kind();

    /**
     * The page of the feed after {@code cursor} (null: from the provider's start). {@code nextCursor}
     * is where the following page starts; {@code hasMore} is false once the feed is caught up.
     */
    FeedPage fetch(Connection connection, String cursor);

    record Connection(UUID accountId, UUID workspaceId, URI baseUrl, ProviderCredentials credentials) {}

    record FeedPage(List<IncomingUpdate> updates, String nextCursor, boolean hasMore) {}

    /** The provider refused or failed; {@code retryAfter} when it said how long to wait. */
    class ProviderCallException extends RuntimeException {

        private final Duration retryAfter;

        public ProviderCallException(String message, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
