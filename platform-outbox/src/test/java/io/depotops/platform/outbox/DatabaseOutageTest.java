package io.depotops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A service whose database goes away is not ready, and is ready again by itself when it returns. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void readinessFollowsTheDatabaseDownAndUpAgain() {
        given().get("/q/health/ready").then().statusCode(200);
        try {
            TestServers.postgres().cut();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body(
                                    "checks.findAll { it.status == 'DOWN' }.name",
                                    hasItem(org.hamcrest.Matchers.containsString("Database"))));
        } finally {
            TestServers.postgres().restore();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
