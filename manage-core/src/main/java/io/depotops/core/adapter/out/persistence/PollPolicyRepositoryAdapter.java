package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.port.PollPolicyRepository;
import io.depotops.core.domain.PollCutover;
import io.depotops.core.domain.PollPolicy;
import io.depotops.core.domain.ProviderKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Poll policies in PostgreSQL; the due claim is one conditional UPDATE with SKIP LOCKED. */
@ApplicationScoped
class PollPolicyRepositoryAdapter implements PollPolicyRepository {

    private static final String COLUMNS =
            "workspace_id, interval_seconds, enabled_providers, cutover, next_poll_at, updated_at, version";

    @Override
    public Optional<PollPolicy> find(UUID workspaceId) {
        List<?> rows = em().createNativeQuery(
                        "select " + COLUMNS + " from telematics_poll_policy where workspace_id = ?1")
                .setParameter(1, workspaceId)
                .getResultList();
        return rows.stream().findFirst().map(row -> policy((Object[]) row));
    }

    @Override
    public PollPolicy save(PollPolicy policy, long expectedVersion) {
        int changed;
        if (expectedVersion == 0) {
            changed = em().createNativeQuery("insert into telematics_poll_policy"
                            + " (workspace_id, interval_seconds, enabled_providers, cutover, next_poll_at, version)"
                            // version 0 is the unset policy, so the stored one starts at 1
                            + " values (?1, ?2, ?3, ?4, now(), 1) on conflict (workspace_id) do nothing")
                    .setParameter(1, policy.workspaceId())
                    .setParameter(2, (int) policy.interval().toSeconds())
                    .setParameter(3, providers(policy.enabledProviders()))
                    .setParameter(4, policy.cutover().name())
                    .executeUpdate();
        } else {
            // A shorter interval takes effect at once rather than after the old one.
            changed = em().createNativeQuery("update telematics_poll_policy set interval_seconds = ?2,"
                            + " enabled_providers = ?3, cutover = ?4, updated_at = now(), version = version + 1,"
                            + " next_poll_at = least(next_poll_at, now() + make_interval(secs => ?2))"
                            + " where workspace_id = ?1 and version = ?5")
                    .setParameter(1, policy.workspaceId())
                    .setParameter(2, (int) policy.interval().toSeconds())
                    .setParameter(3, providers(policy.enabledProviders()))
                    .setParameter(4, policy.cutover().name())
                    .setParameter(5, expectedVersion)
                    .executeUpdate();
        }
        if (changed == 0) {
            throw new StaleVersionException(
                    "poll policy",
                    find(policy.workspaceId()).map(PollPolicy::version).orElse(0L));
        }
        return find(policy.workspaceId()).orElseThrow();
    }

    @Override
    public List<UUID> claimDue(String instanceId, Instant now, Duration lease, int limit) {
        List<?> rows = em().createNativeQuery("update telematics_poll_policy p"
                        + " set next_poll_at = cast(?2 as timestamptz) + make_interval(secs => p.interval_seconds),"
                        + " claimed_by = ?1, claimed_at = ?2, lease_until = cast(?2 as timestamptz) + make_interval(secs => ?3)"
                        + " where p.workspace_id in (select workspace_id from telematics_poll_policy"
                        + " where cutover = 'POLLING' and next_poll_at <= ?2"
                        + " and (lease_until is null or lease_until < ?2)"
                        + " order by next_poll_at limit ?4 for update skip locked)"
                        + " returning p.workspace_id")
                .setParameter(1, instanceId)
                .setParameter(2, now)
                .setParameter(3, (double) lease.toSeconds())
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    @Override
    public void release(UUID workspaceId, String instanceId) {
        em().createNativeQuery("update telematics_poll_policy set lease_until = null"
                        + " where workspace_id = ?1 and claimed_by = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, instanceId)
                .executeUpdate();
    }

    private static PollPolicy policy(Object[] c) {
        return new PollPolicy(
                (UUID) c[0],
                Duration.ofSeconds(((Number) c[1]).longValue()),
                providers((String) c[2]),
                PollCutover.valueOf((String) c[3]),
                (Instant) c[4],
                (Instant) c[5],
                ((Number) c[6]).longValue());
    }

    private static String providers(Set<ProviderKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<ProviderKind> providers(String value) {
        Set<ProviderKind> kinds = EnumSet.noneOf(ProviderKind.class);
        Arrays.stream(value.split(","))
                .filter(name -> !name.isBlank())
                .forEach(name -> kinds.add(ProviderKind.valueOf(name)));
        return kinds;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
