package io.depotops.sim.application.port;

import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.domain.config.SimulationConfig;

/** Reads config documents: checked against the published JSON schema, then bound to the domain. */
public interface ConfigDocuments {

    /**
     * The config a JSON document describes.
     *
     * @throws InvalidInputException naming each invalid part by its JSON pointer
     */
    SimulationConfig read(String documentJson);

    /** The published schema, as JSON text. */
    String schema();
}
