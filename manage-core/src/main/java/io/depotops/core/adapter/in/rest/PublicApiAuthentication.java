package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.core.application.ApiKeyService;
import io.depotops.core.domain.ApiKey;
import io.depotops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The public API's own authentication, separate from users' tokens: {@code Authorization: ApiKey
 * <key>} or {@code X-API-Key: <key>}.
 */
@ApplicationScoped
class PublicApiAuthentication {

    static final String HEADER = "X-API-Key";
    private static final String SCHEME = "ApiKey ";

    private final ApiKeyService keys;

    PublicApiAuthentication(ApiKeyService keys) {
        this.keys = keys;
    }

    ApiKey require(String authorization, String apiKeyHeader) {
        String presented = apiKeyHeader;
        if (presented == null && authorization != null && authorization.startsWith(SCHEME)) {
            presented = authorization.substring(SCHEME.length()).strip();
        }
        return keys.authenticate(presented)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNAUTHENTICATED, "Send a valid, unrevoked API key in " + HEADER));
    }
}
