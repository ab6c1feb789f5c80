package io.depotops.sim.domain.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the JSON schema cannot say about a config: ids unique, references resolving, a real time
 * zone and date, sizes within what one process drives. Each problem names its JSON pointer.
 */
public final class ConfigRules {

    public static final Duration LONGEST_RUN = Duration.ofDays(7);
    public static final int MOST_CHARGERS = 5000;
    public static final int MOST_VEHICLES = 5000;

    private ConfigRules() {}

    public static List<ConfigProblem> check(SimulationConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Duration runLength = checkTime(config, problems);
        Map<String, SiteNode> nodes = new HashMap<>();
        collectNodes(config.site(), "/site", nodes, problems);

        Set<String> chargerIds = new HashSet<>();
        Set<Boolean> currents = new HashSet<>();
        int chargers = 0;
        for (int g = 0; g < config.chargers().size(); g++) {
            ChargerGroup group = config.chargers().get(g);
            String at = "/chargers/" + g;
            chargers += group.count();
            currents.add(group.isDc());
            if (!nodes.containsKey(group.siteNode())) {
                problems.add(new ConfigProblem(at + "/siteNode", "names no node of the site tree"));
            }
            for (int i = 1; i <= group.count(); i++) {
                if (!chargerIds.add(group.idOf(i))) {
                    problems.add(new ConfigProblem(at + "/idPrefix", "gives charger id " + group.idOf(i) + " twice"));
                    break;
                }
            }
        }
        if (chargers > MOST_CHARGERS) {
            problems.add(new ConfigProblem("/chargers", "more than " + MOST_CHARGERS + " chargers in all"));
        }

        Set<String> vehicleIds = new HashSet<>();
        int vehicles = 0;
        for (int g = 0; g < config.vehicles().size(); g++) {
            VehicleGroup group = config.vehicles().get(g);
            String at = "/vehicles/" + g;
            vehicles += group.count();
            for (int i = 1; i <= group.count(); i++) {
                if (!vehicleIds.add(group.idOf(i))) {
                    problems.add(new ConfigProblem(at + "/idPrefix", "gives vehicle id " + group.idOf(i) + " twice"));
                    break;
                }
            }
            boolean chargeable = (currents.contains(true) && group.maxPowerKw(true) > 0)
                    || (currents.contains(false) && group.maxPowerKw(false) > 0);
            if (!chargeable) {
                problems.add(new ConfigProblem(
                        at + "/maxDcKw", "the vehicle can charge on none of the chargers (set maxAcKw or maxDcKw)"));
            }
            VehicleGroup.SocDistribution soc = group.arrival().soc();
            if (soc.minPercent() > soc.maxPercent()) {
                problems.add(new ConfigProblem(at + "/arrival/soc/minPercent", "is above maxPercent"));
            }
            if (group.arrival().from().equals(group.arrival().to())) {
                problems.add(new ConfigProblem(at + "/arrival/to", "must differ from from"));
            }
            for (int b = 0; b < group.blocks().size(); b++) {
                VehicleGroup.Block block = group.blocks().get(b);
                if (block.departure().equals(block.returns())) {
                    problems.add(new ConfigProblem(at + "/blocks/" + b + "/return", "must differ from departure"));
                }
            }
        }
        if (vehicles > MOST_VEHICLES) {
            problems.add(new ConfigProblem("/vehicles", "more than " + MOST_VEHICLES + " vehicles in all"));
        }

        for (int f = 0; f < config.faults().size(); f++) {
            FaultInjection fault = config.faults().get(f);
            String at = "/faults/" + f;
            if (!chargerIds.contains(fault.charger())) {
                problems.add(new ConfigProblem(at + "/charger", "names no charger of the config"));
            }
            Duration offset = checkDuration(fault.at(), at + "/at", problems);
            if (offset != null && offset.isNegative()) {
                problems.add(new ConfigProblem(at + "/at", "must not be negative"));
            } else if (offset != null && runLength != null && offset.compareTo(runLength) >= 0) {
                problems.add(new ConfigProblem(at + "/at", "must fall within the run's duration " + runLength));
            }
            if (fault.duration() != null) {
                Duration lasting = checkDuration(fault.duration(), at + "/duration", problems);
                if (lasting != null && (lasting.isZero() || lasting.isNegative())) {
                    problems.add(new ConfigProblem(at + "/duration", "must be longer than zero"));
                }
            }
        }
        return problems;
    }

    /** Checks zone, start and duration; answers the run's length when it is valid. */
    private static Duration checkTime(SimulationConfig config, List<ConfigProblem> problems) {
        if (config.timeZone() != null) {
            try {
                ZoneId.of(config.timeZone());
            } catch (DateTimeException e) {
                problems.add(new ConfigProblem("/timeZone", "is not a time zone id (e.g. Europe/Berlin)"));
            }
        }
        try {
            LocalDateTime.parse(config.start());
        } catch (DateTimeParseException e) {
            problems.add(new ConfigProblem("/start", "is not a date and time"));
        }
        Duration length = checkDuration(config.duration(), "/duration", problems);
        if (length != null && (length.isZero() || length.isNegative() || length.compareTo(LONGEST_RUN) > 0)) {
            problems.add(new ConfigProblem("/duration", "must be longer than zero and at most P7D"));
            return null;
        }
        return length;
    }

    private static Duration checkDuration(String text, String path, List<ConfigProblem> problems) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new ConfigProblem(path, "is not an ISO-8601 duration (e.g. PT30M)"));
            return null;
        }
    }

    private static void collectNodes(
            SiteNode node, String path, Map<String, SiteNode> nodes, List<ConfigProblem> problems) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            problems.add(new ConfigProblem(path + "/id", "is the id of another site node"));
        }
        for (int c = 0; c < node.children().size(); c++) {
            collectNodes(node.children().get(c), path + "/children/" + c, nodes, problems);
        }
    }
}
