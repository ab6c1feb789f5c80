package io.depotops.platform.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What keeps one checkout's test run apart from another's and from a running development suite:
 * a run id, stable per checkout (the first 8 hex digits of the SHA-256 of the repository's absolute
 * path), which names the run's RabbitMQ virtual host, PostgreSQL schemas and Redis database.
 * Override it with {@code -Ddepotops.test.run-id=ID} (or {@code DEPOTOPS_TEST_RUN_ID}): lower-case
 * letters, digits and {@code _}, at most 16.
 */
public final class TestRun {

    public static final String RUN_ID_PROPERTY = "depotops.test.run-id";
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9_]{1,16}");
    private static final int REDIS_DATABASES_FOR_TESTS = 15;

    private static volatile String id;

    private TestRun() {}

    /** This checkout's run id. */
    public static String id() {
        String current = id;
        if (current == null) {
            current = setting(RUN_ID_PROPERTY, null);
            if (current == null) {
                current = hashOf(repositoryRoot().toString());
            } else if (!VALID_ID.matcher(current).matches()) {
                throw new IllegalStateException(
                        RUN_ID_PROPERTY + "=" + current + " must match " + VALID_ID + " (it names schemas)");
            }
            id = current;
        }
        return current;
    }

    /** The RabbitMQ virtual host of this run: {@code depotops-test-<id>}. */
    public static String virtualHost() {
        return "depotops-test-" + id();
    }

    /** A PostgreSQL schema of this run: {@code <base>_<id>}, e.g. {@code core_system_1a2b3c4d}. */
    public static String schema(String base) {
        return base + "_" + id();
    }

    /**
     * The Redis database of this run, 1 to 15 (the development suite keeps database 0), from the
     * run id; {@code -Ddepotops.test.redis-database=N} picks another.
     */
    public static int redisDatabase() {
        String chosen = setting("depotops.test.redis-database", null);
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        return 1 + Math.floorMod(id().hashCode(), REDIS_DATABASES_FOR_TESTS);
    }

    /** The repository this code runs from: the nearest directory above that holds {@code deploy/dev}. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/dev"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository (a directory with deploy/dev) above " + start);
    }

    /**
     * A setting the way MicroProfile Config reads it: the system property {@code key}, else the
     * environment variable of that name ({@code depotops.db.host}: {@code DEPOTOPS_DB_HOST}), else
     * {@code fallback}.
     */
    static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String hashOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
