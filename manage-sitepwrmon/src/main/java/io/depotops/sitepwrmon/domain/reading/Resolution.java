package io.depotops.sitepwrmon.domain.reading;

/** The resolutions readings are queried in: as measured, or the 1-minute and 15-minute rollups. */
public enum Resolution {
    RAW(0),
    MINUTE(60),
    QUARTER_HOUR(900);

    private final int seconds;

    Resolution(int seconds) {
        this.seconds = seconds;
    }

    /** The rollup's bucket length; 0 for raw readings. */
    public int seconds() {
        return seconds;
    }
}
