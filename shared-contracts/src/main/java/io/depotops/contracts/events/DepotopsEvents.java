package io.depotops.contracts.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event on {@code depotops.events}: CloudEvents 1.0 in structured JSON mode,
 * with the extension {@value #WORKSPACE_EXTENSION} naming the tenant. The event type is also the
 * routing key and carries its version, e.g. {@code core.charger.registered.v1}.
 */
public final class DepotopsEvents {

    /** Content type of a structured-mode CloudEvents JSON message. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    /** CloudEvents extension attribute: the workspace (tenant) the event belongs to. */
    public static final String WORKSPACE_EXTENSION = "workspaceid";

    /** Media type of the {@code data} of every depotops event. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final JsonFormat FORMAT = new JsonFormat();

    private DepotopsEvents() {}

    /**
     * A new event with a fresh id and the current time.
     *
     * @param type versioned event type, see {@link EventTypes}
     * @param source URI reference of the producing service, e.g. {@code /manage-core}
     * @param subject the aggregate the event is about, e.g. a charger id
     * @param workspaceId tenant, or {@code null} for events that belong to no workspace
     * @param data JSON bytes of the event's data
     */
    public static CloudEvent create(String type, String source, String subject, String workspaceId, byte[] data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(data);
        if (workspaceId != null) {
            builder.withExtension(WORKSPACE_EXTENSION, workspaceId);
        }
        return builder.build();
    }

    /** The structured JSON form sent on the wire. */
    public static byte[] serialize(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    /** Reads a structured JSON message; throws {@link io.cloudevents.rw.CloudEventRWException}. */
    public static CloudEvent deserialize(byte[] body) {
        return FORMAT.deserialize(body);
    }

    /** The workspace extension of an event, or {@code null}. */
    public static String workspaceOf(CloudEvent event) {
        Object value = event.getExtension(WORKSPACE_EXTENSION);
        return value == null ? null : value.toString();
    }
}
