package io.depotops.connect.adapter.out.cache;

import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.routing.ChargerHolders;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The holder of each charger as a Redis string {@code depotops:connect:holder:<chargePointId>} =
 * instance id, with a time to live ({@code depotops.connect.holder-ttl}) refreshed while the
 * session lives, so a crashed instance's records expire.
 */
@ApplicationScoped
public class RedisChargerHolders implements ChargerHolders {

    static final String PREFIX = "depotops:connect:holder:";

    /** Deletes the key only if it still names the instance (atomically). */
    private static final String RELEASE_IF_OURS =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    /** Extends our record, records it again if it vanished, leaves another instance's. */
    private static final String REFRESH_IF_OURS = "local current = redis.call('get', KEYS[1]) "
            + "if current == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
            + "elseif not current then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 "
            + "else return 0 end";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final Duration ttl;

    public RedisChargerHolders(RedisDataSource redis, ConnectSettings settings) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.ttl = settings.holderTtl();
    }

    static String key(String chargePointId) {
        return PREFIX + chargePointId;
    }

    @Override
    public void hold(String chargePointId, String instanceId) {
        values.set(key(chargePointId), instanceId, new SetArgs().px(ttl));
    }

    @Override
    public void refresh(String chargePointId, String instanceId) {
        redis.execute("EVAL", REFRESH_IF_OURS, "1", key(chargePointId), instanceId, Long.toString(ttl.toMillis()));
    }

    @Override
    public void release(String chargePointId, String instanceId) {
        redis.execute("EVAL", RELEASE_IF_OURS, "1", key(chargePointId), instanceId);
    }

    @Override
    public Optional<String> holder(String chargePointId) {
        return Optional.ofNullable(values.get(key(chargePointId)));
    }
}
