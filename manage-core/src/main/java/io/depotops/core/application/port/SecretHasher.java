package io.depotops.core.application.port;

/** One-way hashing of secrets we must check but never show again (charger passwords). */
public interface SecretHasher {

    String hash(String secret);

    boolean matches(String secret, String hash);
}
