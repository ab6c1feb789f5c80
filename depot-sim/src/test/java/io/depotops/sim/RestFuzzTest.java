package io.depotops.sim;

import io.depotops.platform.testing.DevTokens;
import io.depotops.platform.testing.fuzz.OpenApiFuzz;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the service's own OpenAPI document and platform-testing's probes
 * (OpenApiFuzz): no 5xx, every 4xx a problem, every 2xx as documented. Runs with the module's
 * other tests; bounded by OpenApiFuzz's budget.
 */
@QuarkusTest
class RestFuzzTest {

    private static final String ANOTHER_WORKSPACE = "5a1e0000-0000-4000-8000-00000000f022";

    @TestHTTPResource("/")
    URI base;

    @Test
    void noGeneratedRequestIsAnsweredWithAServerErrorOrAnUndocumentedShape() {
        OpenApiFuzz.against(base)
                .credentials("admin of every workspace", DevTokens.token("admin", "*"))
                .credentials("viewer of another workspace", DevTokens.token("viewer", ANOTHER_WORKSPACE))
                .run()
                .assertClean();
    }
}
