package io.depotops.contracts.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event on {@code depotops.events}: CloudEvents 1.0 in structured JSON mode,
 * with the extension {@value #WORKSPACE_EXTENSION} naming the tenant. The event type is also the
 * routing key and carries its version, e.g. {@code core.charger.registered.v1}.
 *
 * <p>High-volume events of one type may travel several to a message in the CloudEvents JSON batch
 * format ({@value #BATCH_CONTENT_TYPE}: a JSON array of structured events); readers take both
 * forms through {@link #deserializeAll}.
 */
public final class DepotopsEvents {

    /** Content type of a structured-mode CloudEvents JSON message. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    /** Content type of a CloudEvents JSON batch: an array of structured-mode events. */
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    /** CloudEvents extension attribute: the workspace (tenant) the event belongs to. */
    public static final String WORKSPACE_EXTENSION = "workspaceid";

    /** Media type of the {@code data} of every depotops event. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper BATCH_READER =
            new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());
    private static final TypeReference<List<CloudEvent>> EVENT_LIST = new TypeReference<>() {};

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

    /**
     * A CloudEvents JSON batch of events already in their structured form (as {@link #serialize}
     * made them), joined without reading them again.
     */
    public static byte[] serializeBatch(List<byte[]> structuredEvents) {
        int size = 2 + structuredEvents.size();
        for (byte[] event : structuredEvents) {
            size += event.length;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream(size);
        batch.write('[');
        for (int i = 0; i < structuredEvents.size(); i++) {
            if (i > 0) {
                batch.write(',');
            }
            batch.writeBytes(structuredEvents.get(i));
        }
        batch.write(']');
        return batch.toByteArray();
    }

    /**
     * The events of a message: one structured event, or every event of a batch in its order. Throws
     * {@link io.cloudevents.rw.CloudEventRWException} or {@link EventDeserializationException} when
     * the body is neither.
     */
    public static List<CloudEvent> deserializeAll(byte[] body) {
        if (!isBatch(body)) {
            return List.of(deserialize(body));
        }
        try {
            List<CloudEvent> events = BATCH_READER.readValue(body, EVENT_LIST);
            if (events.contains(null)) {
                throw new EventDeserializationException(new IOException("null in a CloudEvents batch"));
            }
            return events;
        } catch (IOException e) {
            throw new EventDeserializationException(e);
        }
    }

    private static boolean isBatch(byte[] body) {
        for (byte b : body) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    /** The workspace extension of an event, or {@code null}. */
    public static String workspaceOf(CloudEvent event) {
        Object value = event.getExtension(WORKSPACE_EXTENSION);
        return value == null ? null : value.toString();
    }
}
