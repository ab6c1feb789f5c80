package io.depotops.incidents.application.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Live incident changes for the people watching a workspace (server-sent events): every instance
 * hears every change through the broker and hands it to its own watchers. Best effort by design: a
 * watcher that reconnects reads the incidents list to catch up.
 */
@ApplicationScoped
public class IncidentUpdates {

    /** One change: its event type and id, and the event's data as JSON. */
    public record Update(String type, String id, String json) {}

    private final Map<UUID, Set<Consumer<Update>>> watchers = new ConcurrentHashMap<>();

    /** Starts passing the workspace's changes to {@code watcher}; closing stops it. */
    public AutoCloseable watch(UUID workspaceId, Consumer<Update> watcher) {
        watchers.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet())
                .add(watcher);
        return () -> watchers.computeIfPresent(workspaceId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    public void publish(UUID workspaceId, Update update) {
        Set<Consumer<Update>> set = watchers.get(workspaceId);
        if (set != null) {
            set.forEach(watcher -> watcher.accept(update));
        }
    }

    public int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }
}
