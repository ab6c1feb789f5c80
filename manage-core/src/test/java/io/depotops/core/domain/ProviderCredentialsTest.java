package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCredentialsTest {

    @Test
    void showsTheLastFourOfTheTokenOrElseThePassword() {
        assertThat(new ProviderCredentials(null, null, null, "samsara-token-1234").last4())
                .isEqualTo("1234");
        assertThat(new ProviderCredentials("db", "user", "geotab-password-9876", null).last4())
                .isEqualTo("9876");
    }

    @Test
    void showsNothingOfASecretShorterThanEight() {
        assertThat(new ProviderCredentials(null, null, null, "short12").last4()).isNull();
        assertThat(new ProviderCredentials(null, null, null, null).last4()).isNull();
    }

    @Test
    void neverPrintsTheSecrets() {
        String printed = new ProviderCredentials("db", "user", "geotab-password-9876", "token-abcdef").toString();

        assertThat(printed).doesNotContain("geotab-password", "token-abcdef", "user");
    }
}
