package io.depotops.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place the JSON text of REST requests is checked: REST endpoints read bodies with the
 * application's ObjectMapper (with every customisation a service made) plus {@link
 * CleanStringDeserializer} for every string. Only REST: messages between services are read with
 * the application's ObjectMapper as they are, so one odd character from a charger cannot stop a
 * queue.
 */
@Provider
public class RequestBodyMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public RequestBodyMapper(ObjectMapper application) {
        this.mapper = application
                .copy()
                .registerModule(new SimpleModule("depotops-clean-strings")
                        .addDeserializer(String.class, new CleanStringDeserializer()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
