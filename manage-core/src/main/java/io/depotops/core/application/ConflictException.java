package io.depotops.core.application;

import java.util.UUID;

/** A unique property is taken: {@code field} names it, {@code existingId} the holder if known. */
public class ConflictException extends RuntimeException {

    private final String resource;
    private final String field;
    private final UUID existingId;

    public ConflictException(String resource, String field, Object value, UUID existingId) {
        this(resource, field, existingId, "a " + resource + " with " + field + " " + value + " already exists");
    }

    private ConflictException(String resource, String field, UUID existingId, String message) {
        super(message, null, false, false);
        this.resource = resource;
        this.field = field;
        this.existingId = existingId;
    }

    /** The resource cannot be removed while others refer to it. */
    public static ConflictException stillReferenced(String resource, UUID id) {
        return new ConflictException(
                resource, "id", id, resource + " " + id + " is still referenced; remove what uses it first");
    }

    public String resource() {
        return resource;
    }

    public String field() {
        return field;
    }

    public UUID existingId() {
        return existingId;
    }
}
