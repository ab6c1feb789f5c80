package io.depotops.core.application.port;

import io.depotops.core.domain.PollPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Poll policies, and the claim that gives each due workspace to exactly one core instance. */
public interface PollPolicyRepository {

    Optional<PollPolicy> find(UUID workspaceId);

    /**
     * Inserts (expected version 0, none stored yet) or updates the policy; {@code StaleVersionException}
     * when the stored version is another.
     */
    PollPolicy save(PollPolicy policy, long expectedVersion);

    /**
     * Claims up to {@code limit} workspaces whose poll is due at {@code now} and not leased by
     * another instance: moves their next poll one interval on and leases them to {@code instanceId}
     * for {@code lease}. Rows locked by a concurrent claim are skipped, never waited for.
     */
    List<UUID> claimDue(String instanceId, Instant now, Duration lease, int limit);

    /** Ends the lease of a claim once its poll is done. */
    void release(UUID workspaceId, String instanceId);
}
