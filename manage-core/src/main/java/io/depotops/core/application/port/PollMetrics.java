package io.depotops.core.application.port;

import io.depotops.core.domain.ProviderKind;
import java.time.Duration;
import java.util.UUID;

/** What polling reports to monitoring ({@code depotops_telematics_poll_*}). */
public interface PollMetrics {

    void attempt(ProviderKind kind, boolean succeeded, Duration took);

    void updates(ProviderKind kind, String outcome, int count);

    void accountState(ProviderKind kind, UUID accountId, Duration lag, int consecutiveFailures);
}
