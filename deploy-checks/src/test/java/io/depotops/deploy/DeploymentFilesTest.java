package io.depotops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The files that say how depotops runs stay valid and agree with each other. */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeFileValidates() throws Exception {
        List<String> validator = composeValidator();
        List<String> command = new ArrayList<>(validator);
        command.addAll(List.of("-f", ROOT.resolve("compose.yaml").toString(), "config", "-q"));
        Result result = run(command);
        assertThat(result.exitCode())
                .as("%s said: %s", command, result.output())
                .isZero();
    }

    @Test
    void composeFileDefinesEveryProfileAndService() throws IOException {
        String compose = Files.readString(ROOT.resolve("compose.yaml"));
        for (String profile : List.of("infra", "core", "full", "sim")) {
            assertThat(compose).contains(profile);
        }
        for (String service : services()) {
            assertThat(compose).as("compose.yaml runs %s", service).contains(service + ":");
        }
    }

    @Test
    void devScriptParses() throws Exception {
        Result result = run(List.of("bash", "-n", ROOT.resolve("deploy/dev").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void ciRunsTheTestCommandTheReadmeGives() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(ci).contains("deploy/dev test");
        assertThat(readme).contains("deploy/dev test").contains("deploy/dev up");
    }

    @Test
    void everyServiceHasAReadme() {
        for (String service : services()) {
            assertThat(ROOT.resolve(service).resolve("README.md")).as(service).exists();
        }
    }

    private static List<String> services() {
        return List.of(
                "manage-core",
                "manage-connect",
                "manage-incidents",
                "manage-sitepwrmon",
                "telematics",
                "depot-sim",
                "digital-twin",
                "schedule-creator");
    }

    /** `docker compose` where the plugin exists, else Debian's docker-compose (deploy/dev test installs it). */
    private static List<String> composeValidator() throws Exception {
        if (run(List.of("docker", "compose", "version")).exitCode() == 0) {
            return List.of("docker", "compose");
        }
        return List.of("docker-compose");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(124, "timed out: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
