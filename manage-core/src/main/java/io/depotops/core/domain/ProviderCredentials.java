package io.depotops.core.domain;

/**
 * What a provider needs to let core in: Geotab a database, user name and password (for
 * Authenticate); Samsara an API token (Bearer). Never logged, never returned.
 */
public record ProviderCredentials(String database, String userName, String password, String apiToken) {

    /** The secret whose last four characters may be shown. */
    public String secret() {
        return apiToken != null ? apiToken : password;
    }

    public String last4() {
        String secret = secret();
        return secret == null || secret.length() < 8 ? null : secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "ProviderCredentials[redacted]";
    }
}
