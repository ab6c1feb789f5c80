package io.depotops.sim.application.config;

import io.depotops.sim.application.ConflictException;
import io.depotops.sim.application.NotFoundException;
import io.depotops.sim.application.port.ConfigDocuments;
import io.depotops.sim.application.port.ConfigRepository;
import io.depotops.sim.application.port.ExampleConfigs;
import io.depotops.sim.domain.config.SimulationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Configs: checked against the schema and the config rules, stored with every version kept. */
@ApplicationScoped
public class ConfigService {

    private final ConfigDocuments documents;
    private final ConfigRepository configs;
    private final ExampleConfigs examples;
    private final Clock clock;

    ConfigService(ConfigDocuments documents, ConfigRepository configs, ExampleConfigs examples, Clock clock) {
        this.documents = documents;
        this.configs = configs;
        this.examples = examples;
        this.clock = clock;
    }

    public StoredConfig create(UUID workspaceId, String documentJson) {
        SimulationConfig config = documents.read(documentJson);
        Instant now = clock.instant();
        StoredConfig stored =
                new StoredConfig(UUID.randomUUID(), workspaceId, config.name(), 1, documentJson, now, now);
        configs.insert(stored);
        return stored;
    }

    /** A new version of a config; the older ones stay readable. */
    public StoredConfig update(UUID workspaceId, UUID id, String documentJson) {
        StoredConfig current = get(workspaceId, id);
        SimulationConfig config = documents.read(documentJson);
        StoredConfig next = new StoredConfig(
                id,
                workspaceId,
                config.name(),
                current.version() + 1,
                documentJson,
                current.createdAt(),
                clock.instant());
        if (!configs.addVersion(next)) {
            throw new ConflictException("config " + id + " changed meanwhile; read it again");
        }
        return next;
    }

    public StoredConfig get(UUID workspaceId, UUID id) {
        return configs.find(workspaceId, id).orElseThrow(() -> new NotFoundException("simulation config", id));
    }

    public StoredConfig get(UUID workspaceId, UUID id, int version) {
        return configs.find(workspaceId, id, version)
                .orElseThrow(() -> new NotFoundException("simulation config version", id + "/" + version));
    }

    public List<StoredConfig> list(UUID workspaceId) {
        return configs.list(workspaceId);
    }

    /** The config of a stored document (it was valid when stored). */
    public SimulationConfig parsed(StoredConfig stored) {
        return documents.read(stored.documentJson());
    }

    public String schema() {
        return documents.schema();
    }

    public List<ExampleConfigs.Example> examples() {
        return examples.all();
    }

    public ExampleConfigs.Example example(String name) {
        return examples.find(name).orElseThrow(() -> new NotFoundException("example", name));
    }
}
