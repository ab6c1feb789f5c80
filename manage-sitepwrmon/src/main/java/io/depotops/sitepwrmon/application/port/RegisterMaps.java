package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.meter.RegisterMap;
import java.util.List;
import java.util.Optional;

/** The Modbus register maps the service knows, as data. */
public interface RegisterMaps {

    List<RegisterMap> all();

    default Optional<RegisterMap> find(String id) {
        return all().stream().filter(map -> map.id().equals(id)).findFirst();
    }
}
