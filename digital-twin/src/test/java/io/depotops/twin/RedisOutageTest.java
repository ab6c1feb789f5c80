package io.depotops.twin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A service whose cache goes away is not ready, and is ready again by itself when it returns. */
@QuarkusTest
class RedisOutageTest {

    @Test
    void readinessFollowsRedisDownAndUpAgain() {
        given().get("/q/health/ready").then().statusCode(200);
        try {
            TestServers.redis().cut();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("checks.findAll { it.status == 'DOWN' }.name", hasItem(containsString("Redis"))));
        } finally {
            TestServers.redis().restore();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
