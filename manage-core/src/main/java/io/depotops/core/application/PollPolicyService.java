package io.depotops.core.application;

import io.depotops.core.application.port.PollPolicyRepository;
import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.PollCutover;
import io.depotops.core.domain.PollPolicy;
import io.depotops.core.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A workspace's telematics poll policy: interval, enabled providers, cutover state. */
@ApplicationScoped
public class PollPolicyService {

    /** What a client may set. */
    public record PolicyDraft(Duration interval, Set<ProviderKind> enabledProviders, PollCutover cutover) {}

    private final PollPolicyRepository policies;
    private final WorkspaceRepository workspaces;

    PollPolicyService(PollPolicyRepository policies, WorkspaceRepository workspaces) {
        this.policies = policies;
        this.workspaces = workspaces;
    }

    /** The stored policy, or the unset one (version 0: nothing polled) when none is stored. */
    public PollPolicy get(UUID workspaceId) {
        workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        return policies.find(workspaceId).orElseGet(() -> PollPolicy.unset(workspaceId));
    }

    /** Sets the policy; {@code expectedVersion} 0 creates it. The first poll is due at once. */
    @Transactional
    public PollPolicy put(UUID workspaceId, long expectedVersion, PolicyDraft draft) {
        PollPolicy current = get(workspaceId);
        if (draft.interval().compareTo(PollPolicy.MIN_INTERVAL) < 0
                || draft.interval().compareTo(PollPolicy.MAX_INTERVAL) > 0) {
            throw new InvalidInputException("intervalSeconds", "must be between 30 and 3600");
        }
        Set<ProviderKind> providers = draft.enabledProviders().isEmpty()
                ? EnumSet.noneOf(ProviderKind.class)
                : EnumSet.copyOf(draft.enabledProviders());
        return policies.save(
                new PollPolicy(
                        workspaceId,
                        draft.interval(),
                        providers,
                        draft.cutover(),
                        current.nextPollAt(),
                        null,
                        current.version()),
                expectedVersion);
    }
}
