package io.depotops.schedule.application;

/** A re-plan based on a version of the plan that is no longer the current one. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(long basedOn, long currentVersion) {
        super(
                "The re-plan is based on version " + basedOn + " but the plan is at version " + currentVersion,
                null,
                false,
                false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
