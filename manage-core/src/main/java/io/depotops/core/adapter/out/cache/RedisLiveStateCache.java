package io.depotops.core.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.port.LiveStateCache;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.DepotLiveState.ChargerState;
import io.depotops.core.domain.DepotLiveState.VehicleState;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
 */
@ApplicationScoped
class RedisLiveStateCache implements LiveStateCache {

    private static final Logger LOG = Logger.getLogger(RedisLiveStateCache.class);
    private static final String COMPLETE = "complete";
    private static final String WORKSPACE = "workspace";
    private static final String CHARGER = "charger:";
    private static final String VEHICLE = "vehicle:";
    private static final Duration TTL = Duration.ofMinutes(10);

    private static final int UUID_LENGTH = 36;

    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    RedisLiveStateCache(RedisDataSource redis, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.json = json;
        this.transactions = transactions;
    }

    @Override
    public Optional<Document> read(UUID depotId) {
        try {
            String rendered = values.get(documentKey(depotId));
            if (rendered != null) {
                return Optional.of(new Document(
                        UUID.fromString(rendered.substring(0, UUID_LENGTH)), rendered.substring(UUID_LENGTH)));
            }
            Map<String, String> fields = hashes.hgetall(key(depotId));
            if (!fields.containsKey(COMPLETE) || !fields.containsKey(WORKSPACE)) {
                return Optional.empty();
            }
            Document document =
                    new Document(UUID.fromString(fields.get(WORKSPACE)), render(depotId, new TreeMap<>(fields)));
            values.setex(documentKey(depotId), TTL.toSeconds(), document.workspaceId() + document.json());
            return Optional.of(document);
        } catch (RuntimeException e) {
            LOG.debugf("live state cache read failed for depot %s: %s", depotId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Document store(UUID workspaceId, DepotLiveState state) {
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
        try {
            String key = key(state.depotId());
            keys.del(key, documentKey(state.depotId()));
            Map<String, String> stored = new TreeMap<>(fields);
            stored.put(WORKSPACE, workspaceId.toString());
            hashes.hset(key, stored);
            hashes.hset(key, COMPLETE, Instant.now().toString());
            keys.expire(key, TTL);
            values.setex(documentKey(state.depotId()), TTL.toSeconds(), workspaceId + rendered);
        } catch (RuntimeException e) {
            LOG.debugf("live state cache write failed for depot %s: %s", state.depotId(), e.getMessage());
        }
        return new Document(workspaceId, rendered);
    }

    @Override
    public void invalidateAfterCommit(UUID depotId) {
        if (transactions.getTransactionKey() == null) {
            invalidate(depotId);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidate(depotId);
                }
            }
        });
    }

    private void invalidate(UUID depotId) {
        try {
            keys.del(key(depotId), documentKey(depotId));
        } catch (RuntimeException e) {
            // The TTL still bounds how long the stale copy is served.
            LOG.warnf("could not invalidate the live state of depot %s: %s", depotId, e.getMessage());
        }
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

    private static String key(UUID depotId) {
        return "depotops:live:depot:" + depotId;
    }

    private static String documentKey(UUID depotId) {
        return key(depotId) + ":json";
    }
}
