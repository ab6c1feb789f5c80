package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.ConflictException;
import io.depotops.core.application.ListQuery;
import io.depotops.core.application.StaleVersionException;
import io.depotops.core.application.port.TenantRepository;
import io.depotops.core.domain.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The storage every workspace resource shares: scoped lookups, version-checked updates and
 * deletes, keyset pages, and unique-constraint races turned into conflicts.
 */
abstract class TenantRepositoryAdapter<E extends TenantEntity, T> implements TenantRepository<T> {

    private final Class<E> entityClass;
    private final String resource;

    TenantRepositoryAdapter(Class<E> entityClass, String resource) {
        this.entityClass = entityClass;
        this.resource = resource;
    }

    abstract EntityManager em();

    abstract E newEntity();

    /** Copies the domain object's mutable state into the entity. */
    abstract void copy(T from, E to);

    abstract T toDomain(E entity);

    abstract UUID idOf(T resource);

    abstract UUID workspaceOf(T resource);

    abstract KeysetPager<E, T> pager();

    @Override
    public T insert(T resource) {
        E entity = newEntity();
        entity.id = idOf(resource);
        entity.workspaceId = workspaceOf(resource);
        // Microseconds, as PostgreSQL stores them: cursors compare the value they read back.
        entity.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        copy(resource, entity);
        em().persist(entity);
        flush();
        return toDomain(entity);
    }

    @Override
    public T update(T resource, long expectedVersion) {
        E entity = load(workspaceOf(resource), idOf(resource))
                .orElseThrow(() -> new StaleVersionException(this.resource, -1));
        if (entity.version != expectedVersion) {
            throw new StaleVersionException(this.resource, entity.version);
        }
        copy(resource, entity);
        flush();
        return toDomain(entity);
    }

    @Override
    public Optional<T> find(UUID workspaceId, UUID id) {
        return load(workspaceId, id).map(this::toDomain);
    }

    @Override
    public Page<T> list(UUID workspaceId, ListQuery query) {
        return pager().page(em(), workspaceId, query);
    }

    @Override
    public boolean delete(UUID workspaceId, UUID id, long expectedVersion) {
        Optional<E> found = load(workspaceId, id);
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().version != expectedVersion) {
            throw new StaleVersionException(resource, found.get().version);
        }
        em().remove(found.get());
        try {
            em().flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw ConflictException.stillReferenced(resource, id);
            }
            throw e;
        }
        return true;
    }

    Optional<E> load(UUID workspaceId, UUID id) {
        E entity = em().find(entityClass, id);
        return entity == null || !entity.workspaceId.equals(workspaceId) ? Optional.empty() : Optional.of(entity);
    }

    private void flush() {
        try {
            em().flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(resource, -1);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                // A concurrent request took the same unique value between our check and our write.
                throw new ConflictException(resource, constraintOf(e), "(taken concurrently)", null);
            }
            // A check or not-null constraint: a value the request's validation let through, which the
            // problem mappers answer as the client's mistake (400), not as a conflict.
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                        || "23505".equals(violation.getSQLState());
            }
        }
        return false;
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static String constraintOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return "unique value";
    }
}
