package io.depotops.connect.application.registry;

import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.registry.RegistryChange.ChargerChange;
import io.depotops.connect.application.registry.RegistryChange.IdTokenChange;
import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.RegisteredIdToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Connect's read model of core's registry (ADR 0010): the chargers it may admit and the id tokens
 * it may authorise, in memory for the hot path and in connect's database for a restart while core
 * is away. Kept current by pulling core's feed after the last applied sequence, when core announces
 * a change ({@code core.registry.changed.v1}), periodically (a missed announcement) and at start.
 * A charger or token unknown here is asked of core once (the miss path), and its absence is
 * remembered for a while so that unknown ids cannot make connect hammer core.
 */
@ApplicationScoped
public class ChargerRegistry {

    private static final Logger LOG = Logger.getLogger(ChargerRegistry.class);

    private record TokenKey(UUID workspaceId, String idToken) {}

    private final RegistrySource source;
    private final RegistryStore store;
    private final ConnectSettings.Registry settings;
    private final Clock clock;
    private final ConcurrentMap<String, RegisteredCharger> chargers = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenKey, RegisteredIdToken> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> unknownChargers = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenKey, Instant> unknownTokens = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicBoolean syncAgain = new AtomicBoolean();
    private volatile boolean inSyncOnce;

    public ChargerRegistry(RegistrySource source, RegistryStore store, ConnectSettings settings, Clock clock) {
        this.source = source;
        this.store = store;
        this.settings = settings.registry();
        this.clock = clock;
    }

    /** Loads connect's stored copy; then {@link #sync()} brings it up to date. */
    public void load() {
        RegistryStore.Snapshot snapshot = store.load();
        snapshot.chargers().forEach(charger -> chargers.put(charger.chargePointId(), charger));
        snapshot.idTokens().forEach(token -> tokens.put(new TokenKey(token.workspaceId(), token.idToken()), token));
        applied.set(snapshot.appliedSeq());
        LOG.infof(
                "registry copy loaded: %d chargers, %d id tokens, complete up to change %d",
                chargers.size(), tokens.size(), snapshot.appliedSeq());
    }

    /** Whether connect can admit anyone: it synced with core once, or it has a stored copy. */
    public boolean usable() {
        return inSyncOnce || !chargers.isEmpty();
    }

    /** The feed sequence this copy is complete up to. */
    public long appliedSeq() {
        return applied.get();
    }

    /** The charger as known here, without asking core. */
    public Optional<RegisteredCharger> charger(String chargePointId) {
        return Optional.ofNullable(chargers.get(chargePointId));
    }

    /**
     * The charger as known here or, when unknown here, as core knows it now (the miss path).
     *
     * @throws CoreUnavailableException when the charger is unknown here and core cannot be asked
     */
    public Optional<RegisteredCharger> chargerOrAsk(String chargePointId) {
        RegisteredCharger known = chargers.get(chargePointId);
        if (known != null || recentlyUnknown(unknownChargers, chargePointId)) {
            return Optional.ofNullable(known);
        }
        Optional<RegistryChange> asked = source.charger(chargePointId);
        asked.ifPresent(this::applyOne);
        RegisteredCharger found = chargers.get(chargePointId);
        if (found == null) {
            unknownChargers.put(chargePointId, clock.instant().plus(settings.missTtl()));
        }
        return Optional.ofNullable(found);
    }

    /** The id token as known here, without asking core. */
    public Optional<RegisteredIdToken> idToken(UUID workspaceId, String idToken) {
        return Optional.ofNullable(tokens.get(new TokenKey(workspaceId, idToken)));
    }

    /**
     * The id token as known here or as core knows it now (the miss path).
     *
     * @throws CoreUnavailableException when the token is unknown here and core cannot be asked
     */
    public Optional<RegisteredIdToken> idTokenOrAsk(UUID workspaceId, String idToken) {
        TokenKey key = new TokenKey(workspaceId, idToken);
        RegisteredIdToken known = tokens.get(key);
        if (known != null || recentlyUnknown(unknownTokens, key)) {
            return Optional.ofNullable(known);
        }
        source.idToken(workspaceId, idToken).ifPresent(this::applyOne);
        RegisteredIdToken found = tokens.get(key);
        if (found == null) {
            unknownTokens.put(key, clock.instant().plus(settings.missTtl()));
        }
        return Optional.ofNullable(found);
    }

    /** Core announced that its feed reached {@code seq}: pull what this copy has not applied. */
    public void announced(long seq) {
        if (seq > applied.get()) {
            sync();
        }
    }

    /**
     * Pulls core's feed after the last applied sequence until its head. One pull at a time: a call
     * while one runs makes that one pull again instead of waiting.
     *
     * @throws CoreUnavailableException when core cannot be asked (the copy stays as it was)
     */
    public void sync() {
        if (!syncing.tryLock()) {
            syncAgain.set(true);
            return;
        }
        try {
            do {
                syncAgain.set(false);
                pullToHead();
            } while (syncAgain.get());
        } finally {
            syncing.unlock();
        }
    }

    private void pullToHead() {
        long after = applied.get();
        while (true) {
            RegistryChange.Page page = source.changesAfter(after, settings.pageSize());
            if (page.head() < after) {
                LOG.warnf(
                        "core's registry feed is at %d, behind this copy's %d: it was rebuilt, reading it again",
                        page.head(), after);
                store.clear();
                chargers.clear();
                tokens.clear();
                applied.set(0);
                after = 0;
                continue;
            }
            boolean complete = page.changes().size() < settings.pageSize();
            long reached = complete
                    ? page.head()
                    : page.changes().get(page.changes().size() - 1).seq();
            store.apply(page.changes(), reached);
            page.changes().forEach(this::applyInMemory);
            applied.accumulateAndGet(reached, Math::max);
            after = reached;
            if (complete) {
                inSyncOnce = true;
                return;
            }
        }
    }

    /**
     * An entry the miss path fetched. A change at or below the applied sequence is already in this
     * copy (an entry missing here then was removed), so only a later one is taken.
     */
    private void applyOne(RegistryChange change) {
        long current = applied.get();
        if (change.seq() > current) {
            store.apply(List.of(change), current);
            applyInMemory(change);
        }
    }

    private void applyInMemory(RegistryChange change) {
        switch (change) {
            case ChargerChange charger -> {
                unknownChargers.remove(charger.chargePointId());
                chargers.compute(charger.chargePointId(), (id, current) -> {
                    if (current != null && current.seq() >= charger.seq()) {
                        return current;
                    }
                    return charger.charger();
                });
            }
            case IdTokenChange token -> {
                TokenKey key = new TokenKey(token.workspaceId(), token.idToken());
                unknownTokens.remove(key);
                tokens.compute(key, (k, current) -> {
                    if (current != null && current.seq() >= token.seq()) {
                        return current;
                    }
                    return token.token();
                });
            }
        }
    }

    private <K> boolean recentlyUnknown(ConcurrentMap<K, Instant> unknown, K key) {
        Instant until = unknown.get(key);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        unknown.remove(key, until);
        return false;
    }
}
