package io.depotops.connect.adapter.out.ocppschema;

import io.depotops.connect.domain.OcppVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The schema files of one OCPP version, and the actions they name: the OCA names a 1.6 action's
 * schemas {@code <Action>.json} and {@code <Action>Response.json}, a 2.0.1 action's {@code
 * <Action>Request.json} and {@code <Action>Response.json}. Every action has both, or connect does
 * not start. The files are listed from the class path folder {@code ocpp/schemas/<subprotocol>}: a
 * directory in tests and development, entries of the application's jar when packaged.
 */
record SchemaFiles(String folder, String requestSuffix, Set<String> actions) {

    static final String ROOT = "ocpp/schemas/";
    /** The schema package's manifest: where the schema folders are found on the class path. */
    static final String ANCHOR = ROOT + "package.json";

    private static final String RESPONSE = "Response.json";

    static SchemaFiles of(ClassLoader loader, OcppVersion version) {
        String folder = ROOT + version.subprotocol();
        return of(folder, version == OcppVersion.V16 ? ".json" : "Request.json", list(loader, folder));
    }

    /** The actions {@code names} (the files of {@code folder}) name; throws when one is unpaired. */
    static SchemaFiles of(String folder, String requestSuffix, List<String> names) {
        Set<String> requests = new TreeSet<>();
        Set<String> responses = new TreeSet<>();
        for (String name : names) {
            if (name.endsWith(RESPONSE)) {
                responses.add(name.substring(0, name.length() - RESPONSE.length()));
            } else if (name.endsWith(requestSuffix)) {
                requests.add(name.substring(0, name.length() - requestSuffix.length()));
            } else if (name.endsWith(".json")) {
                throw new IllegalStateException(folder + "/" + name + " is neither a request nor a response schema");
            }
        }
        if (requests.isEmpty() || !requests.equals(responses)) {
            Set<String> unpaired = new TreeSet<>(requests);
            unpaired.addAll(responses);
            unpaired.removeIf(action -> requests.contains(action) && responses.contains(action));
            throw new IllegalStateException(
                    requests.isEmpty()
                            ? "no OCPP schemas in " + folder
                            : "OCPP schemas in " + folder + " without their request or response: " + unpaired);
        }
        return new SchemaFiles(folder, requestSuffix, Set.copyOf(requests));
    }

    String request(String action) {
        return folder + "/" + action + requestSuffix;
    }

    String response(String action) {
        return folder + "/" + action + RESPONSE;
    }

    /** The names of the files directly in {@code folder}, a folder beside {@link #ANCHOR}. */
    static List<String> list(ClassLoader loader, String folder) {
        URL anchor = loader.getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("OCPP schemas missing: no " + ANCHOR + " on the class path");
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                URL jarFile = ((JarURLConnection) anchor.openConnection()).getJarFileURL();
                try (JarFile jar = new JarFile(Path.of(jarFile.toURI()).toFile())) {
                    String prefix = folder + "/";
                    return jar.stream()
                            .map(JarEntry::getName)
                            .filter(name -> name.startsWith(prefix)
                                    && name.length() > prefix.length()
                                    && name.indexOf('/', prefix.length()) < 0)
                            .map(name -> name.substring(prefix.length()))
                            .sorted()
                            .toList();
                }
            }
            Path root = Path.of(anchor.toURI()).getParent();
            try (Stream<Path> files = Files.list(root.resolve(folder.substring(ROOT.length())))) {
                return files.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the OCPP schemas in " + folder, e);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot list the OCPP schemas in " + folder + " at " + anchor, e);
        }
    }
}
