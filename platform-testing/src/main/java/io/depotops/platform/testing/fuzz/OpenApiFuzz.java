package io.depotops.platform.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.depotops.platform.testing.fuzz.SchemaValues.Mutated;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Property-based fuzzing of a running service through its own OpenAPI document.
 *
 * <p>For every documented operation it generates requests from the schemas of its path, query and
 * header parameters and of its request body: valid values, boundaries and one past them, wrong
 * types, missing required fields, unknown enum values, huge strings, NUL/control/bidi characters,
 * numbers past every range ({@code 1e308}, {@code 2^70}), deep nesting, malformed bodies and
 * hostile path segments ({@code %00}, {@code %20}, {@code '}, ...), each with one of the given
 * credentials or none. A few fixed probes go to every service too (unknown paths with hostile
 * segments, a too-long URI, a too-large body, unsupported methods). It asserts that
 *
 * <ul>
 *   <li>no request is answered 5xx (or not at all),
 *   <li>every 4xx is {@code application/problem+json} with the RFC 9457 members {@code type},
 *       {@code title} and {@code status} (equal to the HTTP status), {@code detail} and {@code
 *       instance} being strings where present,
 *   <li>every 2xx JSON body is valid against the operation's documented response schema.
 * </ul>
 *
 * <p>It is deterministic and bounded: each operation's cases come from a {@link Random} seeded
 * with the run's seed and the operation's name (printed; {@code -Ddepotops.fuzz.seed=N} repeats a
 * run, {@code -Ddepotops.fuzz.operation=TEXT} narrows it to the operations whose name contains
 * it), at most {@code tries} cases per operation ({@code -Ddepotops.fuzz.tries}) and no new case
 * after the time budget ({@code -Ddepotops.fuzz.budget-seconds}). A failure prints the exact
 * request (method, target as sent, headers, body) and the answer.
 *
 * <pre>{@code
 * OpenApiFuzz.against(URI.create("http://localhost:" + port))
 *         .credentials("admin of the workspace", DevTokens.token("admin", workspace))
 *         .pathValues("workspaceId", workspace)
 *         .run()
 *         .assertClean();
 * }</pre>
 */
public final class OpenApiFuzz {

    /** The seed when {@code -Ddepotops.fuzz.seed} does not name one. */
    public static final long DEFAULT_SEED = 20_261_129L;

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Path segments as sent (already percent-encoded, or deliberately not). */
    static final List<String> HOSTILE_SEGMENTS = List.of(
            "%00",
            "a%00b",
            "%20",
            "a%20b",
            "%25",
            "%2525",
            "'",
            "%27",
            "%22",
            "%2F",
            "..",
            "%2e%2e",
            "%0A",
            "%0D%0A",
            "%E2%80%AE",
            "%C3%A9",
            "%FF",
            "%C0%AF",
            "-1",
            "0",
            "9223372036854775808",
            SchemaValues.TWO_TO_THE_70.toString(),
            "1e308",
            "NaN",
            "null",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "%7B%7D",
            "~",
            "*");

    private final URI base;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, List<KnownValue>> pathValues = new HashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final Map<String, List<String>> fieldValues = new HashMap<>();
    private Predicate<String> include = operation -> true;
    private long seed = Long.getLong("depotops.fuzz.seed", DEFAULT_SEED);
    private int tries = Integer.getInteger("depotops.fuzz.tries", 60);
    private Duration budget = Duration.ofSeconds(Long.getLong("depotops.fuzz.budget-seconds", 60));
    private Duration requestTimeout = Duration.ofSeconds(20);
    private final String operationFilter = System.getProperty("depotops.fuzz.operation", "");

    private OpenApiFuzz(URI base) {
        this.base = base;
    }

    /** Fuzzes the service at this base URI ({@code http://localhost:PORT}). */
    public static OpenApiFuzz against(URI base) {
        return new OpenApiFuzz(base);
    }

    /** Fuzzes the service a {@code @QuarkusTest} runs (RestAssured's base URI and port). */
    public static OpenApiFuzz againstTheServiceUnderTest() {
        return against(URI.create("http://localhost:" + io.restassured.RestAssured.port));
    }

    /**
     * A bearer token the requests may carry; the first one given is used for most requests. Requests
     * without a token are always part of the run.
     */
    public OpenApiFuzz credentials(String name, String bearerToken) {
        credentials.put(name, bearerToken);
        return this;
    }

    /**
     * Values of a path parameter that reach real resources (a workspace the token may use, a depot
     * made for the test); most valid cases use one of them, the rest generated or hostile values.
     */
    public OpenApiFuzz pathValues(String parameter, String... values) {
        return pathValuesUnder("", parameter, values);
    }

    /**
     * Values of a path parameter for the operations whose path starts with {@code pathPrefix} only
     * (a depot's id for {@code /api/v1/workspaces/{workspaceId}/depots}, a charger's for {@code
     * .../chargers}).
     */
    public OpenApiFuzz pathValuesUnder(String pathPrefix, String parameter, String... values) {
        for (String value : values) {
            pathValues.computeIfAbsent(parameter, p -> new ArrayList<>()).add(new KnownValue(pathPrefix, value));
        }
        return this;
    }

    private record KnownValue(String pathPrefix, String value) {}

    private List<String> knownValues(String parameter, String operationPath) {
        return pathValues.getOrDefault(parameter, List.of()).stream()
                .filter(v -> operationPath.startsWith(v.pathPrefix()))
                .map(KnownValue::value)
                .toList();
    }

    /**
     * Values of body fields of this name that reach real resources ({@code depotId}, {@code
     * siteId}); most valid bodies use one of them, so that hostile values in the other fields get
     * past the lookups to the code and the database behind them.
     */
    public OpenApiFuzz fieldValues(String field, String... values) {
        fieldValues.computeIfAbsent(field, f -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** A header every request carries (besides the generated ones). */
    public OpenApiFuzz header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Only the operations ({@code "GET /api/v1/..."}) this accepts are fuzzed. */
    public OpenApiFuzz only(Predicate<String> operations) {
        this.include = operations;
        return this;
    }

    public OpenApiFuzz seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Cases per operation (default 60, or {@code -Ddepotops.fuzz.tries}). */
    public OpenApiFuzz tries(int tries) {
        this.tries = tries;
        return this;
    }

    /** No case starts after this (default 60 s, or {@code -Ddepotops.fuzz.budget-seconds}). */
    public OpenApiFuzz budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** Runs the probes and the generated cases and returns what they found. */
    public FuzzReport run() {
        ObjectMapper json = new ObjectMapper();
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(100_000)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build());
        RawHttp http = new RawHttp(base.getHost(), base.getPort(), requestTimeout);
        JsonNode document = fetchDocument(http, json);
        List<Operation> operations = operations(document).stream()
                .filter(o -> include.test(o.key()))
                .filter(o -> operationFilter.isEmpty() || o.key().contains(operationFilter))
                .toList();
        Responses responses = new Responses(document, json);
        FuzzReport report = new FuzzReport(seed, tries, budget);
        System.out.printf(
                "OpenApiFuzz: %s, seed %d (-Ddepotops.fuzz.seed), %d operations, up to %d cases each"
                        + " (-Ddepotops.fuzz.tries), budget %d s%n",
                base, seed, operations.size(), tries, budget.toSeconds());
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();

        if (operationFilter.isEmpty()) {
            for (FuzzRequest probe : probes(operations)) {
                exchange(http, probe, null, responses, json, report);
            }
        }
        Map<Operation, CaseGenerator> generators = new LinkedHashMap<>();
        for (Operation operation : operations) {
            generators.put(operation, new CaseGenerator(operation, document, new Random(seed ^ mix(operation.key()))));
        }
        // Round by round over every operation (deletions last), so a budget cut leaves each one as
        // covered as the others.
        List<Operation> order = new ArrayList<>(operations);
        order.sort((a, b) ->
                Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
        outer:
        for (int round = 0; round < tries; round++) {
            for (Operation operation : order) {
                if (System.nanoTime() > deadline) {
                    report.budgetExhausted(round);
                    break outer;
                }
                FuzzRequest request = generators.get(operation).next(round);
                exchange(http, request, operation, responses, json, report);
            }
        }
        report.finished(Duration.ofNanos(System.nanoTime() - started));
        System.out.println(report.summary());
        return report;
    }

    private void exchange(
            RawHttp http,
            FuzzRequest request,
            Operation operation,
            Responses responses,
            ObjectMapper json,
            FuzzReport report) {
        RawHttp.Response response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            report.failure(request, "no answer", -1, e.getMessage());
            return;
        }
        report.sent(request, response.status());
        int status = response.status();
        if (status >= 500) {
            report.failure(request, "5xx", status, excerpt(response));
            return;
        }
        if (status >= 400) {
            String problem = problemDefect(response, request.method(), json);
            if (problem != null) {
                report.failure(request, "not a problem: " + problem, status, excerpt(response));
            }
            return;
        }
        if (status >= 200 && status < 300 && operation != null && response.body().length > 0) {
            String defect = responses.defect(operation, status, response);
            if (defect != null) {
                report.failure(request, "2xx body not as documented: " + defect, status, excerpt(response));
            }
        }
    }

    /** Why a 4xx answer is not an RFC 9457 problem, or null when it is one. */
    static String problemDefect(RawHttp.Response response, String method, ObjectMapper json) {
        String contentType = response.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/problem+json")) {
            return "Content-Type is '" + response.contentType() + "'";
        }
        if (method.equals("HEAD")) {
            return null;
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        if (!body.path("type").isTextual() || !validUri(body.get("type").asText())) {
            return "member 'type' is missing or not a URI";
        }
        if (!body.path("title").isTextual()) {
            return "member 'title' is missing or not a string";
        }
        if (!body.path("status").isInt() || body.get("status").asInt() != response.status()) {
            return "member 'status' is missing or not the HTTP status";
        }
        for (String member : List.of("detail", "instance")) {
            if (body.has(member)
                    && !body.get(member).isTextual()
                    && !body.get(member).isNull()) {
                return "member '" + member + "' is not a string";
            }
        }
        return null;
    }

    private static boolean validUri(String text) {
        try {
            new URI(text);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String excerpt(RawHttp.Response response) {
        String body = response.bodyText();
        if (body.length() > 600) {
            body = body.substring(0, 600) + "...";
        }
        return response.status() + " " + response.contentType() + " " + FuzzRequest.escape(body);
    }

    private JsonNode fetchDocument(RawHttp http, ObjectMapper json) {
        FuzzRequest request = new FuzzRequest(
                "openapi",
                0,
                "none",
                "the document",
                "GET",
                "/q/openapi?format=json",
                Map.of("Accept", "application/json"),
                null);
        try {
            RawHttp.Response response = http.send(request);
            if (response.status() != 200) {
                throw new IllegalStateException("GET /q/openapi?format=json answered " + response.status());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document could not be read from " + base, e);
        }
    }

    /** The fixed probes every service gets, whatever its document says. */
    private List<FuzzRequest> probes(List<Operation> operations) {
        List<FuzzRequest> probes = new ArrayList<>();
        String token =
                credentials.isEmpty() ? null : credentials.values().iterator().next();
        String authName =
                credentials.isEmpty() ? "none" : credentials.keySet().iterator().next();
        int n = 0;
        for (String segment : HOSTILE_SEGMENTS) {
            probes.add(probe(
                    "unknown path", n++, authName, token, "segment " + segment, "GET", "/api/v1/" + segment, null));
            probes.add(probe(
                    "unknown path",
                    n++,
                    authName,
                    token,
                    "segment " + segment,
                    "GET",
                    "/api/v1/no-such/" + segment + "/x",
                    null));
        }
        probes.add(probe("unknown path", n++, "none", null, "no token", "GET", "/api/v1/%20", null));
        probes.add(probe(
                "unknown path",
                n++,
                authName,
                token,
                "URI of 10,000 characters",
                "GET",
                "/api/v1/" + "u".repeat(10_000),
                null));
        probes.add(probe(
                "unknown path",
                n++,
                authName,
                token,
                "query of 20,000 characters",
                "GET",
                "/api/v1/x?q=" + "q".repeat(20_000),
                null));
        probes.add(probe("unknown path", n++, authName, token, "TRACE", "TRACE", "/api/v1/x", null));
        String somePost = operations.stream()
                .filter(o -> o.method().equals("POST") && !o.path().contains("{"))
                .map(Operation::path)
                .findFirst()
                .orElseGet(() -> operations.stream()
                        .filter(o -> o.method().equals("POST"))
                        .map(o -> concretePath(o.path()))
                        .findFirst()
                        .orElse("/api/v1/x"));
        byte[] elevenMegabytes =
                ("{\"name\":\"" + "b".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        probes.add(probe("body limit", n++, authName, token, "body of 11 MiB", "POST", somePost, elevenMegabytes));
        probes.add(probe("body limit", n++, authName, token, "invalid UTF-8 body", "POST", somePost, new byte[] {
            '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        }));
        for (Operation operation : operations) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            String target = concretePath(operation.path());
            probes.add(probe(
                    "method probe",
                    n++,
                    authName,
                    token,
                    "PATCH on a GET resource",
                    "PATCH",
                    target,
                    "{}".getBytes(StandardCharsets.UTF_8)));
            break;
        }
        return probes;
    }

    private String concretePath(String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                List<String> known = knownValues(part.substring(1, part.length() - 1), template);
                out.append(known.isEmpty() ? "x" : known.getFirst());
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    private FuzzRequest probe(
            String operation,
            int n,
            String auth,
            String token,
            String what,
            String method,
            String target,
            byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new FuzzRequest(operation, n, token == null ? "none" : auth, what, method, target, headers, body);
    }

    /** Every operation of the document, with its parameters resolved. */
    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode parameter : list) {
                        JsonNode resolved = resolveRef(document, parameter);
                        parameters.put(
                                resolved.path("in").asText() + ":"
                                        + resolved.path("name").asText(),
                                resolved);
                    }
                }
                JsonNode requestBody = resolveRef(document, op.path("requestBody"));
                String pointer = "/paths/" + escapePointer(path.getKey()) + "/" + method;
                operations.add(new Operation(
                        method.toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(parameters.values()),
                        requestBody.isMissingNode() ? null : requestBody,
                        pointer));
            }
        }
        return operations;
    }

    static JsonNode resolveRef(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#")
                    ? document.at(ref.substring(1))
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return current;
    }

    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static long mix(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }

    /** One documented operation. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode requestBody, String pointer) {

        String key() {
            return method + " " + path;
        }
    }

    /** Generates an operation's cases, one after another from its own random source. */
    private final class CaseGenerator {

        private final Operation operation;
        private final SchemaValues values;
        private final Random random;
        private final List<String> credentialNames = new ArrayList<>(credentials.keySet());
        private final ObjectMapper json = new ObjectMapper();

        CaseGenerator(Operation operation, JsonNode document, Random random) {
            this.operation = operation;
            this.random = random;
            this.values = new SchemaValues(document, random, fieldValues);
        }

        FuzzRequest next(int caseNumber) {
            // What is made hostile in this case: nothing (case 0 and about a quarter of the rest),
            // one path, query or header parameter, or the body.
            List<String> targets = new ArrayList<>();
            for (JsonNode parameter : operation.parameters()) {
                String in = parameter.path("in").asText();
                if (in.equals("path") || in.equals("query") || in.equals("header")) {
                    targets.add(in + ":" + parameter.path("name").asText());
                }
            }
            if (operation.requestBody() != null) {
                targets.add("body");
                targets.add("body");
                targets.add("body-as-a-whole");
            }
            String target = caseNumber == 0 || targets.isEmpty() || random.nextInt(4) == 0
                    ? "none"
                    : targets.get(random.nextInt(targets.size()));
            List<String> mutations = new ArrayList<>();

            String path = operation.path();
            StringBuilder query = new StringBuilder();
            Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
            headers.put("Accept", "application/json");
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                JsonNode schema = parameter.has("schema") ? parameter.get("schema") : SchemaValues.NODES.objectNode();
                boolean hostile = target.equals(in + ":" + name);
                switch (in) {
                    case "path" -> {
                        String segment = hostile ? hostileSegment(schema, mutations, name) : validSegment(name, schema);
                        path = path.replace("{" + name + "}", segment);
                    }
                    case "query" -> {
                        boolean required = parameter.path("required").asBoolean(false);
                        String value;
                        if (hostile) {
                            if (random.nextInt(6) == 0) {
                                mutations.add("query " + name + " left out");
                                continue;
                            }
                            value = hostileQueryValue(schema, mutations, name);
                        } else if (required || random.nextBoolean()) {
                            value = encode(text(values.valid(schema)));
                        } else {
                            continue;
                        }
                        query.append(query.isEmpty() ? '?' : '&')
                                .append(encode(name))
                                .append('=')
                                .append(value);
                    }
                    case "header" -> {
                        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
                            continue;
                        }
                        if (hostile) {
                            String value = HOSTILE_HEADERS.get(random.nextInt(HOSTILE_HEADERS.size()));
                            mutations.add("header " + name + ": " + shortText(value));
                            headers.put(name, value);
                        } else if (parameter.path("required").asBoolean(false) || random.nextBoolean()) {
                            headers.put(name, headerSafe(text(values.valid(schema))));
                        }
                    }
                    default -> {}
                }
            }

            byte[] body = null;
            if (operation.requestBody() != null) {
                Map.Entry<String, JsonNode> media = mediaType(operation.requestBody());
                String contentType = media == null ? "application/json" : media.getKey();
                JsonNode schema = media == null
                        ? SchemaValues.NODES.objectNode()
                        : media.getValue().path("schema");
                boolean isJson = contentType.contains("json");
                headers.put("Content-Type", contentType);
                if (target.equals("body-as-a-whole")) {
                    body = hostileBody(headers, mutations);
                } else {
                    JsonNode value = values.valid(schema);
                    if (target.equals("body")) {
                        value = mutateSomewhere(value, schema, mutations);
                    }
                    body = isJson ? write(value) : text(value).getBytes(StandardCharsets.UTF_8);
                }
            }

            // Whose request it is: mostly the first credentials, sometimes none or another's.
            String auth = "none";
            if (!credentialNames.isEmpty()) {
                int who = random.nextInt(10);
                if (who < 7) {
                    auth = credentialNames.getFirst();
                } else if (who < 9) {
                    auth = credentialNames.get(random.nextInt(credentialNames.size()));
                }
            }
            if (!auth.equals("none")) {
                headers.put("Authorization", "Bearer " + credentials.get(auth));
            }
            return new FuzzRequest(
                    operation.key(),
                    caseNumber,
                    auth,
                    mutations.isEmpty() ? "valid" : String.join("; ", mutations),
                    operation.method(),
                    path + query,
                    headers,
                    body);
        }

        private String validSegment(String name, JsonNode schema) {
            List<String> known = knownValues(name, operation.path());
            if (!known.isEmpty() && random.nextInt(10) < 8) {
                return encodeSegment(known.get(random.nextInt(known.size())));
            }
            return encodeSegment(text(values.valid(schema)));
        }

        private String hostileSegment(JsonNode schema, List<String> mutations, String name) {
            int pick = random.nextInt(4);
            String segment;
            if (pick < 2) {
                segment = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
            } else if (pick == 2) {
                Mutated m = values.hostile(schema);
                segment = encodeSegment(text(m.value()));
                segment = cutEncoded(segment, 3_000);
            } else {
                segment = "s".repeat(random.nextBoolean() ? 2_000 : 9_000);
            }
            mutations.add("path " + name + " = " + shortText(segment));
            return segment;
        }

        private String hostileQueryValue(JsonNode schema, List<String> mutations, String name) {
            int pick = random.nextInt(3);
            String value;
            if (pick == 0) {
                value = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
            } else {
                Mutated m = values.hostile(schema);
                value = encode(text(m.value()));
                value = cutEncoded(value, 6_000);
            }
            mutations.add("query " + name + " = " + shortText(value));
            return value;
        }

        /** The body replaced by something that is not the documented JSON at all. */
        private byte[] hostileBody(Map<String, String> headers, List<String> mutations) {
            int pick = random.nextInt(10);
            String what;
            byte[] body;
            switch (pick) {
                case 0 -> {
                    what = "no body";
                    body = new byte[0];
                }
                case 1 -> {
                    what = "truncated JSON";
                    body = "{\"a\":".getBytes(StandardCharsets.UTF_8);
                }
                case 2 -> {
                    what = "JSON null";
                    body = "null".getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> {
                    what = "a JSON array";
                    body = "[]".getBytes(StandardCharsets.UTF_8);
                }
                case 4 -> {
                    what = "a JSON string";
                    body = "\"text\"".getBytes(StandardCharsets.UTF_8);
                }
                case 5 -> {
                    what = "nesting 100,000 deep";
                    body = SchemaValues.deepNesting(100_000).getBytes(StandardCharsets.UTF_8);
                }
                case 6 -> {
                    what = "Content-Type text/plain";
                    headers.put("Content-Type", "text/plain");
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                }
                case 7 -> {
                    what = "Content-Type application/xml";
                    headers.put("Content-Type", "application/xml");
                    body = "<a/>".getBytes(StandardCharsets.UTF_8);
                }
                case 8 -> {
                    what = "invalid UTF-8";
                    body = new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
                }
                default -> {
                    what = "a number past double";
                    body = "1e99999".getBytes(StandardCharsets.UTF_8);
                }
            }
            mutations.add("body: " + what);
            return body;
        }

        /** The valid value with one place in it (or the whole) made hostile. */
        private JsonNode mutateSomewhere(JsonNode value, JsonNode schema, List<String> mutations) {
            List<Place> places = new ArrayList<>();
            places.add(new Place("", null, null, schema));
            collect(value, schema, "", places, 0);
            Place place = places.get(random.nextInt(places.size()));
            Mutated mutated = values.hostile(place.schema());
            mutations.add("body" + (place.pointer().isEmpty() ? "" : place.pointer()) + ": " + mutated.what());
            if (place.parent() == null) {
                return mutated.value();
            }
            if (place.parent() instanceof ObjectNode object) {
                object.set(place.name(), mutated.value());
            } else if (place.parent() instanceof ArrayNode array) {
                array.set(Integer.parseInt(place.name()), mutated.value());
            }
            return value;
        }

        private void collect(JsonNode value, JsonNode schemaOrRef, String pointer, List<Place> places, int depth) {
            if (depth > 6) {
                return;
            }
            JsonNode schema = values.resolve(schemaOrRef);
            if (value instanceof ObjectNode object) {
                JsonNode properties = schema.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    String childPointer = pointer + "/" + property.getKey();
                    places.add(new Place(childPointer, object, property.getKey(), property.getValue()));
                    if (object.has(property.getKey())) {
                        collect(object.get(property.getKey()), property.getValue(), childPointer, places, depth + 1);
                    }
                }
            } else if (value instanceof ArrayNode array && !array.isEmpty()) {
                JsonNode items = schema.path("items");
                places.add(new Place(pointer + "/0", array, "0", items));
                collect(array.get(0), items, pointer + "/0", places, depth + 1);
            }
        }

        private byte[] write(JsonNode value) {
            try {
                return json.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String text(JsonNode value) {
            if (value instanceof com.fasterxml.jackson.databind.node.POJONode pojo
                    && pojo.getPojo() instanceof com.fasterxml.jackson.databind.util.RawValue raw) {
                return String.valueOf(raw.rawValue());
            }
            return value.isTextual() ? value.asText() : value.toString();
        }

        private static Map.Entry<String, JsonNode> mediaType(JsonNode requestBody) {
            Iterator<Map.Entry<String, JsonNode>> content =
                    requestBody.path("content").fields();
            Map.Entry<String, JsonNode> first = null;
            while (content.hasNext()) {
                Map.Entry<String, JsonNode> media = content.next();
                if (media.getKey().contains("json")) {
                    return media;
                }
                if (first == null) {
                    first = media;
                }
            }
            return first;
        }
    }

    private record Place(String pointer, JsonNode parent, String name, JsonNode schema) {}

    static final List<String> HOSTILE_HEADERS = List.of(
            "",
            "*",
            "\"",
            "\"abc\"",
            "W/\"abc\"",
            "W/\"\"",
            "\"1\", \"2\"",
            "W/\"" + "9".repeat(40) + "\"",
            "'",
            "%00",
            "x".repeat(9_000),
            "-1",
            SchemaValues.TWO_TO_THE_70.toString(),
            "1e308");

    private static String shortText(String text) {
        String escaped = FuzzRequest.escape(text);
        return escaped.length() > 80 ? escaped.substring(0, 60) + "...(" + escaped.length() + " characters)" : escaped;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    /**
     * A percent-encoded text cut to at most {@code max} characters, never inside an escape: a
     * {@code %} without its two hex digits makes a URI that is no URI (RFC 3986), which Vert.x
     * refuses while parsing, with a bare 400 no service can shape.
     */
    static String cutEncoded(String encoded, int max) {
        if (encoded.length() <= max) {
            return encoded;
        }
        int end = max;
        int percent = encoded.lastIndexOf('%', end - 1);
        if (percent >= 0 && percent > end - 3) {
            end = percent;
        }
        return encoded.substring(0, end);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String encodeSegment(String value) {
        return value.isEmpty() ? "%20" : encode(value);
    }

    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Checks 2xx bodies against the operation's documented response schema. */
    private static final class Responses {

        private final JsonNode document;
        private final String documentText;
        private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        private final Map<String, Schema> compiled = new HashMap<>();

        Responses(JsonNode document, ObjectMapper json) {
            this.document = document;
            try {
                ObjectNode root = document.deepCopy();
                root.remove("$ref");
                this.documentText = json.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        String defect(Operation operation, int status, RawHttp.Response response) {
            if (!response.contentType().toLowerCase(Locale.ROOT).contains("json")) {
                return null;
            }
            JsonNode responsesNode = document.at(operation.pointer() + "/responses");
            String code = String.valueOf(status);
            String key = responsesNode.has(code)
                    ? code
                    : responsesNode.has(status / 100 + "XX")
                            ? status / 100 + "XX"
                            : responsesNode.has("default") ? "default" : null;
            if (key == null) {
                return responsesNode.isMissingNode() || responsesNode.isEmpty()
                        ? null
                        : "status " + status + " is not documented (documented: " + iterable(responsesNode.fieldNames())
                                + ")";
            }
            JsonNode documented = resolveRef(document, responsesNode.get(key));
            String responsePointer = documented == responsesNode.get(key)
                    ? operation.pointer() + "/responses/" + escapePointer(key)
                    : responsesNode.get(key).get("$ref").asText().substring(1);
            JsonNode content = documented.path("content");
            String mediaKey = null;
            for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
                String candidate = it.next();
                if (candidate.contains("json")) {
                    mediaKey = candidate;
                    break;
                }
            }
            if (mediaKey == null || !content.get(mediaKey).has("schema")) {
                return null;
            }
            String schemaPointer = "#" + responsePointer + "/content/" + escapePointer(mediaKey) + "/schema";
            Schema schema = compiled.computeIfAbsent(schemaPointer, this::compile);
            List<Error> errors = schema.validate(response.bodyText(), InputFormat.JSON);
            if (errors.isEmpty()) {
                return null;
            }
            Error first = errors.getFirst();
            return first.getInstanceLocation() + ": " + first.getMessage()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        }

        private Schema compile(String pointer) {
            String text = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":" + quote(pointer)
                    + "," + documentText.substring(1);
            Schema schema = registry.getSchema(text, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        private static String iterable(Iterator<String> names) {
            List<String> all = new ArrayList<>();
            names.forEachRemaining(all::add);
            return String.join(", ", all);
        }
    }
}
