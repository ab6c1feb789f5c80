package io.depotops.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class ChargerPasswordsTest {

    private final ChargerPasswords passwords = new ChargerPasswords();

    @Test
    void aVerifierMatchesItsPasswordOnlyAndIsSaltedAfresh() {
        String verifier = ChargerPasswords.verifierOf("correct-horse-battery");
        assertThat(verifier).startsWith("sha256$").doesNotContain("correct-horse");
        assertThat(passwords.matches("correct-horse-battery", verifier)).isTrue();
        assertThat(passwords.matches("correct-horse-batterY", verifier)).isFalse();
        assertThat(passwords.matches("", verifier)).isFalse();
        assertThat(ChargerPasswords.verifierOf("correct-horse-battery")).isNotEqualTo(verifier);
        assertThat(ChargerPasswords.isSlow(verifier)).isFalse();
    }

    @Test
    void malformedOrMissingInputNeverMatches() {
        for (String verifier :
                new String[] {null, "", "sha256$", "sha256$!!$!!", "md5$a$b", "pbkdf2-sha256$x$a$b", "sha256$YQ$YQ$YQ"
                }) {
            assertThat(passwords.matches("correct-horse-battery", verifier)).isFalse();
        }
        assertThat(passwords.matches(null, ChargerPasswords.verifierOf("correct-horse-battery")))
                .isFalse();
    }

    @Test
    void verifiersWrittenWithPbkdf2AreStillChecked() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes();
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("legacy-password-123".toCharArray(), salt, 1000, 256))
                .getEncoded();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        String legacy = "pbkdf2-sha256$1000$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        assertThat(ChargerPasswords.isSlow(legacy)).isTrue();
        assertThat(passwords.matches("legacy-password-123", legacy)).isTrue();
        assertThat(passwords.matches("legacy-password-123", legacy)).isTrue();
        assertThat(passwords.matches("legacy-password-124", legacy)).isFalse();
    }
}
