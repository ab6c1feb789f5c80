package io.depotops.core.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.port.LiveStateCache;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.DepotLiveState.ChargerState;
import io.depotops.core.domain.DepotLiveState.VehicleState;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Each depot's live state as one Redis hash, {@code depotops:live:depot:<id>}: a field per charger
 * ({@code charger:<chargePointId>}) and per vehicle ({@code vehicle:<fleetNumber>}) holding its
 * JSON, so that a status change can update one field; the owning workspace; and a {@value
 * #COMPLETE} field written last by a rebuild: a hash without it is a miss. A read joins the
 * fields' JSON as it is, in field order, without parsing it, and keeps the result under {@code
 * <key>:json} (prefixed with the workspace id) so that the next reads are one GET. A TTL bounds how
 * long a copy that missed an invalidation can live.
 *
 * <p>{@code <key>:gen} counts the depot's invalidations, which {@link LiveStateInvalidations} sends
 * after commits, coalesced and asynchronously. A copy rebuilt after a miss is stored only if the
 * count is still the one the miss saw (one Lua script, so the check and the write are atomic): a
 * rebuild that loaded its data before a fact committed never overwrites that fact's invalidation.
 */
@ApplicationScoped
class RedisLiveStateCache implements LiveStateCache {

    private static final Logger LOG = Logger.getLogger(RedisLiveStateCache.class);
    private static final String COMPLETE = "complete";
    private static final String WORKSPACE = "workspace";
    private static final String CHARGER = "charger:";
    private static final String VEHICLE = "vehicle:";
    static final Duration TTL = Duration.ofMinutes(10);
    /** A generation for a miss whose read failed: nothing rebuilt after it is stored. */
    private static final String UNKNOWN = "?unknown";
    /** A transaction's changed depots, invalidated together after it commits. */
    private static final Object CHANGED_DEPOTS = new Object();

    private static final int UUID_LENGTH = 36;

    /**
     * KEYS: hash, document, generation; ARGV: the generation the miss saw ('' for none), TTL, the
     * workspace, the document (workspace-prefixed), the completion time, then field/value pairs.
     */
    private static final String STORE_IF_CURRENT = """
            if (redis.call('GET', KEYS[3]) or '') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'workspace', ARGV[3])
            for i = 6, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('HSET', KEYS[1], 'complete', ARGV[5])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[2])
            return 1
            """;

    /** KEYS: document, generation; ARGV: the generation seen before the hash was read, TTL, document. */
    private static final String RENDERED_IF_CURRENT = """
            if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2])
            return 1
            """;

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final LiveStateInvalidations invalidations;

    RedisLiveStateCache(
            RedisDataSource redis,
            ObjectMapper json,
            TransactionSynchronizationRegistry transactions,
            LiveStateInvalidations invalidations) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.json = json;
        this.transactions = transactions;
        this.invalidations = invalidations;
    }

    @Override
    public Lookup read(UUID depotId) {
        if (invalidations.unsettled(depotId)) {
            // This instance changed the depot and Redis has not dropped the copy yet.
            return Lookup.miss(UNKNOWN);
        }
        try {
            String rendered = values.get(documentKey(depotId));
            if (rendered != null) {
                return Lookup.hit(new Document(
                        UUID.fromString(rendered.substring(0, UUID_LENGTH)), rendered.substring(UUID_LENGTH)));
            }
            String generation = generation(depotId);
            Map<String, String> fields = hashes.hgetall(key(depotId));
            if (!fields.containsKey(COMPLETE) || !fields.containsKey(WORKSPACE)) {
                return Lookup.miss(generation);
            }
            Document document =
                    new Document(UUID.fromString(fields.get(WORKSPACE)), render(depotId, new TreeMap<>(fields)));
            redis.execute(
                    "EVAL",
                    RENDERED_IF_CURRENT,
                    "2",
                    documentKey(depotId),
                    generationKey(depotId),
                    generation,
                    Long.toString(TTL.toSeconds()),
                    document.workspaceId() + document.json());
            return Lookup.hit(document);
        } catch (RuntimeException e) {
            LOG.debugf("live state cache read failed for depot %s: %s", depotId, e.getMessage());
            return Lookup.miss(UNKNOWN);
        }
    }

    @Override
    public Document store(UUID workspaceId, DepotLiveState state, Lookup missed) {
        TreeMap<String, String> fields = new TreeMap<>();
        try {
            for (ChargerState charger : state.chargers()) {
                fields.put(CHARGER + charger.chargePointId(), json.writeValueAsString(charger));
            }
            for (VehicleState vehicle : state.vehicles()) {
                fields.put(VEHICLE + vehicle.fleetNumber(), json.writeValueAsString(vehicle));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live state of depot " + state.depotId() + " could not be rendered", e);
        }
        String rendered = render(state.depotId(), fields);
        UUID depotId = state.depotId();
        if (UNKNOWN.equals(missed.generation()) || invalidations.unsettled(depotId)) {
            return new Document(workspaceId, rendered);
        }
        try {
            List<String> args = new ArrayList<>(8 + fields.size() * 2);
            args.addAll(List.of(
                    STORE_IF_CURRENT,
                    "3",
                    key(depotId),
                    documentKey(depotId),
                    generationKey(depotId),
                    missed.generation() == null ? "" : missed.generation(),
                    Long.toString(TTL.toSeconds()),
                    workspaceId.toString(),
                    workspaceId + rendered,
                    Instant.now().toString()));
            fields.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            redis.execute("EVAL", args.toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.debugf("live state cache write failed for depot %s: %s", depotId, e.getMessage());
        }
        return new Document(workspaceId, rendered);
    }

    @Override
    public void invalidateAfterCommit(UUID depotId) {
        if (transactions.getTransactionKey() == null) {
            invalidations.mark(depotId);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> changed = (Set<UUID>) transactions.getResource(CHANGED_DEPOTS);
        if (changed == null) {
            Set<UUID> depots = new HashSet<>();
            transactions.putResource(CHANGED_DEPOTS, depots);
            // One synchronization per transaction; it only marks (no I/O on the committing thread).
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        depots.forEach(invalidations::mark);
                    }
                }
            });
            changed = depots;
        }
        changed.add(depotId);
    }

    private String generation(UUID depotId) {
        String generation = values.get(generationKey(depotId));
        return generation == null ? "" : generation;
    }

    /** {"depotId":..,"chargers":[..],"vehicles":[..]} from fields sorted by name. */
    private static String render(UUID depotId, TreeMap<String, String> fields) {
        StringBuilder out = new StringBuilder(fields.size() * 256);
        out.append("{\"depotId\":\"").append(depotId).append("\",\"chargers\":[");
        appendAll(out, fields.subMap(CHARGER, CHARGER + Character.MAX_VALUE));
        out.append("],\"vehicles\":[");
        appendAll(out, fields.subMap(VEHICLE, VEHICLE + Character.MAX_VALUE));
        return out.append("]}").toString();
    }

    private static void appendAll(StringBuilder out, Map<String, String> parts) {
        boolean first = true;
        for (String part : parts.values()) {
            if (!first) {
                out.append(',');
            }
            out.append(part);
            first = false;
        }
    }

    static String key(UUID depotId) {
        return "depotops:live:depot:" + depotId;
    }

    static String documentKey(UUID depotId) {
        return key(depotId) + ":json";
    }

    static String generationKey(UUID depotId) {
        return key(depotId) + ":gen";
    }
}
