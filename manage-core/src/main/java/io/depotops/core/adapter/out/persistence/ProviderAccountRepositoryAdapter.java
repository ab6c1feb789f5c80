package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.port.CredentialCipher.Sealed;
import io.depotops.core.application.port.ProviderAccountRepository;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderKind;
import io.depotops.core.domain.ProviderPollHealth;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Provider accounts in PostgreSQL; health counters change in place, without touching the version. */
@ApplicationScoped
class ProviderAccountRepositoryAdapter implements ProviderAccountRepository {

    private static final String COLUMNS = "id, workspace_id, kind, base_url, credentials_last4, last_attempt_at,"
            + " last_success_at, last_error, consecutive_failures, next_attempt_at, attempts, failures, error_rate,"
            + " newest_observation_at, created_at, version";

    @Override
    public ProviderAccount insert(
            UUID id, UUID workspaceId, ProviderKind kind, URI baseUrl, Sealed credentials, String last4, Instant now) {
        em().createNativeQuery("insert into telematics_provider_account (id, workspace_id, kind, base_url,"
                        + " credentials_ciphertext, credentials_key_id, credentials_last4, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id)
                .setParameter(2, workspaceId)
                .setParameter(3, kind.name())
                .setParameter(4, baseUrl.toString())
                .setParameter(5, credentials.ciphertext())
                .setParameter(6, credentials.keyId())
                .setParameter(7, last4)
                .setParameter(8, now)
                .executeUpdate();
        return find(workspaceId, id).orElseThrow();
    }

    @Override
    public ProviderAccount update(
            UUID workspaceId, UUID id, long expectedVersion, URI baseUrl, Sealed credentials, String last4) {
        var update = credentials == null
                ? em().createNativeQuery("update telematics_provider_account set base_url = ?3,"
                        + " version = version + 1 where workspace_id = ?1 and id = ?2 and version = ?4")
                : em().createNativeQuery("update telematics_provider_account set base_url = ?3,"
                                + " credentials_ciphertext = ?5, credentials_key_id = ?6, credentials_last4 = ?7,"
                                // new credentials deserve a poll now, not after a backoff earned by the old ones
                                + " next_attempt_at = null,"
                                + " version = version + 1 where workspace_id = ?1 and id = ?2 and version = ?4")
                        .setParameter(5, credentials.ciphertext())
                        .setParameter(6, credentials.keyId())
                        .setParameter(7, last4);
        int changed = update.setParameter(1, workspaceId)
                .setParameter(2, id)
                .setParameter(3, baseUrl.toString())
                .setParameter(4, expectedVersion)
                .executeUpdate();
        if (changed == 0) {
            throw stale(workspaceId, id);
        }
        return find(workspaceId, id).orElseThrow();
    }

    @Override
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        int changed = em().createNativeQuery(
                        "delete from telematics_provider_account where workspace_id = ?1 and id = ?2 and version = ?3")
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .setParameter(3, expectedVersion)
                .executeUpdate();
        if (changed == 0) {
            throw stale(workspaceId, id);
        }
    }

    @Override
    public Optional<ProviderAccount> find(UUID workspaceId, UUID id) {
        return select("workspace_id = ?1 and id = ?2", workspaceId, id).stream().findFirst();
    }

    @Override
    public Optional<ProviderAccount> findByKind(UUID workspaceId, ProviderKind kind) {
        return select("workspace_id = ?1 and kind = ?2", workspaceId, kind.name()).stream()
                .findFirst();
    }

    @Override
    public List<ProviderAccount> list(UUID workspaceId) {
        return select("workspace_id = ?1 order by kind", workspaceId, null);
    }

    @Override
    public Sealed credentials(UUID id) {
        Object[] row = (Object[]) em().createNativeQuery("select credentials_key_id, credentials_ciphertext"
                        + " from telematics_provider_account where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        return new Sealed((String) row[0], (byte[]) row[1]);
    }

    @Override
    public String cursor(UUID id) {
        List<?> rows = em().createNativeQuery("select feed_cursor from telematics_provider_account where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    @Override
    public void advanceCursor(UUID id, String cursor, Instant newestObservationAt) {
        em().createNativeQuery(
                        "update telematics_provider_account set feed_cursor = ?2,"
                                + " newest_observation_at = greatest(newest_observation_at, cast(?3 as timestamptz)) where id = ?1")
                .setParameter(1, id)
                .setParameter(2, cursor)
                .setParameter(3, newestObservationAt)
                .executeUpdate();
    }

    @Override
    public void recordSuccess(UUID id, Instant at) {
        em().createNativeQuery("update telematics_provider_account set last_attempt_at = ?2, last_success_at = ?2,"
                        + " consecutive_failures = 0, next_attempt_at = null, attempts = attempts + 1,"
                        + " error_rate = error_rate * (1 - ?3) where id = ?1")
                .setParameter(1, id)
                .setParameter(2, at)
                .setParameter(3, ProviderPollHealth.ERROR_RATE_WEIGHT)
                .executeUpdate();
    }

    @Override
    public void recordFailure(UUID id, Instant at, String error, Instant nextAttemptAt) {
        em().createNativeQuery("update telematics_provider_account set last_attempt_at = ?2, last_error = ?3,"
                        + " consecutive_failures = consecutive_failures + 1, next_attempt_at = ?4,"
                        + " attempts = attempts + 1, failures = failures + 1,"
                        + " error_rate = error_rate * (1 - ?5) + ?5 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, at)
                .setParameter(3, error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .setParameter(4, nextAttemptAt)
                .setParameter(5, ProviderPollHealth.ERROR_RATE_WEIGHT)
                .executeUpdate();
    }

    private List<ProviderAccount> select(String where, Object first, Object second) {
        var query = em().createNativeQuery("select " + COLUMNS + " from telematics_provider_account where " + where)
                .setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        return query.getResultList().stream()
                .map(row -> account((Object[]) row))
                .toList();
    }

    private StaleVersionException stale(UUID workspaceId, UUID id) {
        return new StaleVersionException(
                "provider account",
                find(workspaceId, id).map(ProviderAccount::version).orElse(-1L));
    }

    private static ProviderAccount account(Object[] c) {
        return new ProviderAccount(
                (UUID) c[0],
                (UUID) c[1],
                ProviderKind.valueOf((String) c[2]),
                URI.create((String) c[3]),
                (String) c[4],
                new ProviderPollHealth(
                        (Instant) c[5],
                        (Instant) c[6],
                        (String) c[7],
                        ((Number) c[8]).intValue(),
                        (Instant) c[9],
                        ((Number) c[10]).longValue(),
                        ((Number) c[11]).longValue(),
                        ((Number) c[12]).doubleValue(),
                        (Instant) c[13]),
                (Instant) c[14],
                ((Number) c[15]).longValue());
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
