package io.depotops.platform.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness against a small stand-in service whose defects are known: it must find each of them,
 * pass a service without them, and send the same requests again for the same seed.
 */
class OpenApiFuzzTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/things/{id}":{"get":{
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                              {"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}}],
                "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
              "/api/v1/things":{"post":{
                "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                "responses":{"201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name"],"properties":{
               "name":{"type":"string","maxLength":20},"size":{"type":"integer","minimum":0}}}}}}
            """;

    /** What the stand-in does wrong; all false: a clean service. */
    private volatile boolean failOnNul;

    private volatile boolean plainTextErrors;
    private volatile boolean undocumentedBody;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(exchange.getRequestMethod() + " " + target + " " + new String(body, StandardCharsets.UTF_8));
        if (target.startsWith("/q/openapi")) {
            answer(exchange, 200, "application/json", DOCUMENT);
            return;
        }
        boolean authorized = exchange.getRequestHeaders().containsKey("Authorization");
        if (!authorized) {
            problem(exchange, 401);
            return;
        }
        if (failOnNul && (target.contains("%00") || new String(body, StandardCharsets.UTF_8).contains("\\u0000"))) {
            answer(exchange, 500, "text/plain", "boom");
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && target.matches("/api/v1/things/[A-Za-z0-9-]+(\\?.*)?")) {
            answer(
                    exchange,
                    200,
                    "application/json",
                    undocumentedBody ? "{\"name\":7}" : "{\"name\":\"a\",\"size\":1}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST") && target.equals("/api/v1/things")) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.matches("\\{\"name\":\"[a-z0-9-]{1,20}\"(,\"size\":[0-9]{1,6})?}")) {
                answer(exchange, 201, "application/json", text);
            } else {
                problem(exchange, 400);
            }
            return;
        }
        problem(exchange, 404);
    }

    private void problem(HttpExchange exchange, int status) throws IOException {
        if (plainTextErrors) {
            answer(exchange, status, "text/plain", "no");
        } else {
            answer(
                    exchange,
                    status,
                    "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + status + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private OpenApiFuzz fuzz() {
        return OpenApiFuzz.against(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials("user", "token")
                .seed(7)
                .tries(40)
                .budget(Duration.ofSeconds(30));
    }

    @Test
    void aServiceWithoutDefectsPasses() {
        FuzzReport report = fuzz().run();

        report.assertClean();
        assertThat(report.requests()).isGreaterThan(80);
    }

    @Test
    void findsServerErrorsAndShowsTheRequestThatCausedThem() {
        failOnNul = true;

        assertThatThrownBy(() -> fuzz().run().assertClean())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("5xx 500")
                .hasMessageContaining("-Ddepotops.fuzz.seed=7")
                .hasMessageContaining("%00");
    }

    @Test
    void findsErrorsThatAreNotProblems() {
        plainTextErrors = true;

        assertThatThrownBy(() -> fuzz().run().assertClean())
                .hasMessageContaining("not a problem: Content-Type is 'text/plain'");
    }

    @Test
    void findsSuccessfulAnswersThatDoNotMatchTheirSchema() {
        undocumentedBody = true;

        assertThatThrownBy(() -> fuzz().run().assertClean())
                .hasMessageContaining("GET /api/v1/things/{id}: 2xx body not as documented: /name");
    }

    @Test
    void aLongEncodedValueIsCutBetweenEscapesSoTheTargetStaysAUri() {
        assertThat(OpenApiFuzz.cutEncoded("ab%5Bcd", 4)).isEqualTo("ab");
        assertThat(OpenApiFuzz.cutEncoded("ab%5Bcd", 3)).isEqualTo("ab");
        assertThat(OpenApiFuzz.cutEncoded("ab%5Bcd", 5)).isEqualTo("ab%5B");
        assertThat(OpenApiFuzz.cutEncoded("ab%5Bcd", 6)).isEqualTo("ab%5Bc");
        assertThat(OpenApiFuzz.cutEncoded("abc", 6)).isEqualTo("abc");
    }

    @Test
    void theSameSeedSendsTheSameRequests() {
        fuzz().run();
        List<String> first = List.copyOf(received);
        received.clear();
        fuzz().run();

        assertThat(received).isEqualTo(first);
        assertThat(first).anyMatch(r -> r.contains("%00") || r.contains("\\u0000"));
        assertThat(first).anyMatch(r -> r.contains("1e308") || r.contains("1180591620717411303424"));
    }
}
