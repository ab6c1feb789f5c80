package io.depotops.sitepwrmon.application;

/** The caller changed a resource from a version that is no longer current. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String resource, long currentVersion) {
        super(resource + " changed since it was read; current version is " + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
