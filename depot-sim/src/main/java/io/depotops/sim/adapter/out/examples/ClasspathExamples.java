package io.depotops.sim.adapter.out.examples;

import io.depotops.sim.application.port.ExampleConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The example configs shipped in {@code examples/} of this module's resources. */
@ApplicationScoped
class ClasspathExamples implements ExampleConfigs {

    /** File names without {@code .json}; the files are the examples, this only says which to serve. */
    static final List<String> NAMES = List.of("bus-depot-40", "van-depot-200", "mixed-depot");

    private final List<Example> examples;

    ClasspathExamples() {
        List<Example> loaded = new ArrayList<>();
        for (String name : NAMES) {
            loaded.add(new Example(name, read("examples/" + name + ".json")));
        }
        this.examples = List.copyOf(loaded);
    }

    @Override
    public List<Example> all() {
        return examples;
    }

    @Override
    public Optional<Example> find(String name) {
        return examples.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static String read(String resource) {
        try (InputStream in = ClasspathExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
