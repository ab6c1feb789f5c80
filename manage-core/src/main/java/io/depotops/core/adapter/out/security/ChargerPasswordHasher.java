package io.depotops.core.adapter.out.security;

import io.depotops.core.application.port.SecretHasher;
import io.depotops.platform.secrets.ChargerPasswords;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Charger passwords as salted SHA-256 verifiers (platform-service's {@link ChargerPasswords}, the
 * format manage-connect checks handshakes against; ADR 0010 says why not PBKDF2 any more).
 */
@ApplicationScoped
class ChargerPasswordHasher implements SecretHasher {

    private final ChargerPasswords passwords = new ChargerPasswords();

    @Override
    public String hash(String secret) {
        return ChargerPasswords.verifierOf(secret);
    }

    @Override
    public boolean matches(String secret, String hash) {
        return passwords.matches(secret, hash);
    }
}
