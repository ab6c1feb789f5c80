package io.depotops.platform.serviceauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.depotops.platform.testing.DevServiceTokens;
import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ADR 0008: internal endpoints only on the internal listener, only with a trusted service token. */
@QuarkusTest
class InternalListenerTest {

    private static final String PROBE = "/internal/v1/probe";
    private static final String SELF = "platform-service-test";

    @Inject
    InternalListener listener;

    @Test
    void theInternalListenerAnswersATrustedCallerWithItsName() {
        given().port(listener.port())
                .auth()
                .oauth2(DevServiceTokens.token("manage-connect", SELF))
                .get(PROBE)
                .then()
                .statusCode(200)
                .body(equalTo("manage-connect"));
    }

    @Test
    void thePublicListenerDoesNotServeInternalPathsEvenWithAValidToken() {
        given().auth()
                .oauth2(DevServiceTokens.token("manage-connect", SELF))
                .get(PROBE)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/internal/anything").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noTokenAUsersTokenOrAnotherAudienceIsRefused() {
        given().port(listener.port())
                .get(PROBE)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"depotops-internal\"")
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/unauthenticated"));
        given().port(listener.port())
                .auth()
                .oauth2(DevTokens.token("admin", "*"))
                .get(PROBE)
                .then()
                .statusCode(401);
        given().port(listener.port())
                .auth()
                .oauth2(DevServiceTokens.token("manage-connect", "manage-core"))
                .get(PROBE)
                .then()
                .statusCode(401);
    }

    @Test
    void anUntrustedCallerAForgedKeyAndAnExpiredTokenAreRefused() throws Exception {
        given().port(listener.port())
                .auth()
                .oauth2(DevServiceTokens.token("telematics", SELF))
                .get(PROBE)
                .then()
                .statusCode(401);
        var forgedKey = KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256).getPrivate();
        String forged = Jwt.issuer(ServiceTokens.issuerOf("manage-connect"))
                .subject("manage-connect")
                .audience(SELF)
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .sign(forgedKey);
        given().port(listener.port()).auth().oauth2(forged).get(PROBE).then().statusCode(401);
        Instant longAgo = Instant.now().minusSeconds(3600);
        String expired = Jwt.issuer(ServiceTokens.issuerOf("manage-connect"))
                .subject("manage-connect")
                .audience(SELF)
                .issuedAt(longAgo)
                .expiresAt(longAgo.plusSeconds(300))
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .sign(ServiceTokens.privateKey("../deploy/dev-keys/service-private.pem"));
        given().port(listener.port()).auth().oauth2(expired).get(PROBE).then().statusCode(401);
    }

    @Test
    void aTrustedCallerThatTheEndpointDoesNotNameIsForbidden() {
        given().port(listener.port())
                .auth()
                .oauth2(DevServiceTokens.token("manage-sitepwrmon", SELF))
                .get(PROBE)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theInternalListenerServesNoPublicPathButHealth() {
        given().port(listener.port())
                .auth()
                .oauth2(DevServiceTokens.token("manage-connect", SELF))
                .get("/guarded")
                .then()
                .statusCode(404);
        given().port(listener.port()).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aServiceTokenIsReusedUntilItsRenewalTime() {
        ServiceTokens tokens = new ServiceTokens(
                "manage-connect",
                new ServiceAuthSettings() {
                    @Override
                    public java.util.Optional<String> signingKeyLocation() {
                        return java.util.Optional.of("../deploy/dev-keys/service-private.pem");
                    }

                    @Override
                    public java.util.Optional<java.util.List<String>> trustedCallers() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.time.Duration tokenLifetime() {
                        return java.time.Duration.ofMinutes(5);
                    }
                },
                java.time.Clock.systemUTC());
        String first = tokens.tokenFor(SELF);
        org.assertj.core.api.Assertions.assertThat(tokens.tokenFor(SELF)).isEqualTo(first);
        given().port(listener.port()).auth().oauth2(first).get(PROBE).then().statusCode(200);
    }
}
