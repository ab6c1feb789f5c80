package io.depotops.core.application.port;

import io.depotops.core.domain.ProviderCredentials;

/**
 * Encrypts provider credentials at rest. {@code context} (the account id) is bound to the
 * ciphertext, so sealed credentials cannot be moved to another account.
 */
public interface CredentialCipher {

    /** Ciphertext and the id of the key it was sealed with, so keys can rotate. */
    record Sealed(String keyId, byte[] ciphertext) {}

    Sealed seal(ProviderCredentials credentials, String context);

    ProviderCredentials open(Sealed sealed, String context);
}
