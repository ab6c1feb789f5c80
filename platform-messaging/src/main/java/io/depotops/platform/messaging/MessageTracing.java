package io.depotops.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;

/** Continues the producer's trace in a consumer, from the W3C headers of a message. */
public final class MessageTracing {

    private static final TextMapGetter<Map<String, Object>> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, Object> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, Object> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString();
        }
    };

    private MessageTracing() {}

    /** The producer's context, to make the consumer's span a child of it. */
    public static Context extract(OpenTelemetry openTelemetry, Map<String, Object> headers) {
        return openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.current(), headers == null ? Map.of() : headers, HEADER_GETTER);
    }
}
