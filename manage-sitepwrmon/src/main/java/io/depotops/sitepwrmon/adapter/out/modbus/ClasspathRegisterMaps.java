package io.depotops.sitepwrmon.adapter.out.modbus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sitepwrmon.application.port.RegisterMaps;
import io.depotops.sitepwrmon.domain.meter.RegisterMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The register maps of {@code modbus-register-maps.json} (data, one entry per meter model). */
@ApplicationScoped
class ClasspathRegisterMaps implements RegisterMaps {

    static final String RESOURCE = "modbus-register-maps.json";

    private final List<RegisterMap> maps;

    ClasspathRegisterMaps(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            this.maps = List.copyOf(json.readValue(in, new TypeReference<List<RegisterMap>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public List<RegisterMap> all() {
        return maps;
    }
}
