package io.depotops.core.application;

/** A request that is well-formed but breaks a rule of the domain, about one named field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
