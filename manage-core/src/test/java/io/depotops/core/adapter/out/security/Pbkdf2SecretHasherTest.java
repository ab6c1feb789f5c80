package io.depotops.core.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pbkdf2SecretHasherTest {

    private final Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher();

    @Test
    void theRightSecretMatchesAgainAndAWrongOneNeverDoes() {
        String stored = hasher.hash("charger-password-1");

        assertThat(hasher.matches("charger-password-1", stored)).isTrue();
        // Remembered now: the same answer, and a wrong secret is still refused.
        assertThat(hasher.matches("charger-password-1", stored)).isTrue();
        assertThat(hasher.matches("charger-password-2", stored)).isFalse();
        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void aChangedPasswordMakesTheOldOneFailAlthoughItWasVerifiedBefore() {
        String before = hasher.hash("old-password-123");
        assertThat(hasher.matches("old-password-123", before)).isTrue();

        String after = hasher.hash("new-password-456");

        assertThat(hasher.matches("old-password-123", after)).isFalse();
        assertThat(hasher.matches("new-password-456", after)).isTrue();
    }

    @Test
    void anotherSaltOfTheSamePasswordIsVerifiedOnItsOwn() {
        String first = hasher.hash("same-password-789");
        String second = hasher.hash("same-password-789");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("same-password-789", first)).isTrue();
        assertThat(hasher.matches("same-password-789", second)).isTrue();
        assertThat(hasher.matches("other", second)).isFalse();
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertThat(hasher.matches("anything", "plain-text")).isFalse();
        assertThat(hasher.matches("anything", "md5$1$x$y")).isFalse();
    }
}
