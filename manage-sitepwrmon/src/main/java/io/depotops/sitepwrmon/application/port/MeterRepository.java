package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meters and their status; every call runs in the caller's transaction. */
public interface MeterRepository {

    Optional<Meter> find(UUID workspaceId, String meterId);

    List<Meter> findAll(UUID workspaceId, Collection<String> meterIds);

    Page<Meter> list(UUID workspaceId, String cursor, int limit);

    /** Every meter of a protocol, any workspace (for the pollers). */
    List<Meter> byProtocol(MeterProtocol protocol);

    /** @throws DuplicateException when the workspace has the meter id or the node has a meter */
    void insert(Meter meter);

    boolean update(Meter meter, long expectedVersion);

    boolean delete(UUID workspaceId, String meterId, long expectedVersion);

    /** Readings arrived from these meters at {@code at}: they are no longer silent. */
    void seen(UUID workspaceId, Collection<String> meterIds, Instant at);

    /** Marks as silent since {@code now} the meters that sent nothing for their threshold; answers them. */
    List<Meter> markSilent(Instant now);

    /** Records a polling fault ({@code null} clears it). */
    void fault(UUID workspaceId, String meterId, String fault, Instant at);

    /** The meter id or the node is taken. */
    class DuplicateException extends RuntimeException {
        private final String field;

        public DuplicateException(String field) {
            super(field + " taken", null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
