package io.depotops.sim.application.port;

import java.util.List;
import java.util.Optional;

/** The ready examples shipped with the service. */
public interface ExampleConfigs {

    record Example(String name, String documentJson) {}

    List<Example> all();

    Optional<Example> find(String name);
}
