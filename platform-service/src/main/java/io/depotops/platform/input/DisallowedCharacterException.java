package io.depotops.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holds a character {@link TextRules} refuses; the problem names its field. */
public class DisallowedCharacterException extends MismatchedInputException {

    private final String reason;

    DisallowedCharacterException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    /** What is wrong with the value, in the client's terms. */
    public String reason() {
        return reason;
    }
}
