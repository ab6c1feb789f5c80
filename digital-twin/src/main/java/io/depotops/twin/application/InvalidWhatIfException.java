package io.depotops.twin.application;

/** A what-if change that names something the depot lacks or a value out of range (answered 400). */
public class InvalidWhatIfException extends RuntimeException {

    public InvalidWhatIfException(String message) {
        super(message);
    }
}
