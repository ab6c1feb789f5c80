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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Each depot's live state as one Redis hash, {@code depotops:live:depot:<id>}: a field per charger
 * and per vehicle (JSON), so that a status change can later update one field, and a {@value
 * #COMPLETE} field written last by a rebuild: a hash without it is a miss. A TTL bounds how long a
 * copy that missed an invalidation can live.
 */
@ApplicationScoped
class RedisLiveStateCache implements LiveStateCache {

    private static final Logger LOG = Logger.getLogger(RedisLiveStateCache.class);
    private static final String COMPLETE = "complete";
    private static final String CHARGER = "charger:";
    private static final String VEHICLE = "vehicle:";
    private static final Duration TTL = Duration.ofMinutes(10);

    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    RedisLiveStateCache(RedisDataSource redis, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.json = json;
        this.transactions = transactions;
    }

    @Override
    public Optional<DepotLiveState> read(UUID depotId) {
        try {
            Map<String, String> fields = hashes.hgetall(key(depotId));
            if (!fields.containsKey(COMPLETE)) {
                return Optional.empty();
            }
            List<ChargerState> chargers = new ArrayList<>();
            List<VehicleState> vehicles = new ArrayList<>();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getKey().startsWith(CHARGER)) {
                    chargers.add(json.readValue(field.getValue(), ChargerState.class));
                } else if (field.getKey().startsWith(VEHICLE)) {
                    vehicles.add(json.readValue(field.getValue(), VehicleState.class));
                }
            }
            chargers.sort(java.util.Comparator.comparing(ChargerState::chargePointId));
            vehicles.sort(java.util.Comparator.comparing(VehicleState::fleetNumber));
            return Optional.of(new DepotLiveState(depotId, chargers, vehicles));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf("live state cache read failed for depot %s: %s", depotId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(DepotLiveState state) {
        try {
            Map<String, String> fields = new HashMap<>();
            for (ChargerState charger : state.chargers()) {
                fields.put(CHARGER + charger.chargerId(), json.writeValueAsString(charger));
            }
            for (VehicleState vehicle : state.vehicles()) {
                fields.put(VEHICLE + vehicle.vehicleId(), json.writeValueAsString(vehicle));
            }
            String key = key(state.depotId());
            keys.del(key);
            if (!fields.isEmpty()) {
                hashes.hset(key, fields);
            }
            hashes.hset(key, COMPLETE, Instant.now().toString());
            keys.expire(key, TTL);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf("live state cache write failed for depot %s: %s", state.depotId(), e.getMessage());
        }
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
            keys.del(key(depotId));
        } catch (RuntimeException e) {
            // The TTL still bounds how long the stale copy is served.
            LOG.warnf("could not invalidate the live state of depot %s: %s", depotId, e.getMessage());
        }
    }

    private static String key(UUID depotId) {
        return "depotops:live:depot:" + depotId;
    }
}
