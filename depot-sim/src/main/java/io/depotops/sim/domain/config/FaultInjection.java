package io.depotops.sim.domain.config;

/** A charger fault or a lost link at an offset from the start, for a while or to the end. */
public record FaultInjection(String at, String charger, String kind, String duration) {

    public static final String FAULT = "fault";
    public static final String LINK_DROP = "link-drop";
}
