package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.notification.NotificationChannel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's notification channels. In the caller's transaction. */
public interface NotificationChannelRepository {

    /** {@code false} when the workspace has a channel of that name. */
    boolean insert(NotificationChannel channel);

    boolean delete(UUID workspaceId, UUID id);

    Optional<NotificationChannel> find(UUID workspaceId, UUID id);

    List<NotificationChannel> list(UUID workspaceId);
}
