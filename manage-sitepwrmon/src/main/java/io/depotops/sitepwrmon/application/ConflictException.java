package io.depotops.sitepwrmon.application;

/** The request conflicts with the resource's state or with another resource. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field in conflict, or {@code null} when the state as a whole is. */
    public String field() {
        return field;
    }
}
