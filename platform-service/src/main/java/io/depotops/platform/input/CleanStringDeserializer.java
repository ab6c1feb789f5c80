package io.depotops.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads every JSON string of a request body (fields, list elements, values of maps) as Jackson
 * does, then refuses one that holds a character {@link TextRules} forbids. Jackson adds the path
 * of the field as the exception travels out, so the problem names it.
 */
class CleanStringDeserializer extends StdScalarDeserializer<String> {

    CleanStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        int at = TextRules.firstDisallowed(value, TextRules.Breaks.ALLOWED);
        if (at >= 0) {
            throw new DisallowedCharacterException(parser, TextRules.describe(value, at));
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
