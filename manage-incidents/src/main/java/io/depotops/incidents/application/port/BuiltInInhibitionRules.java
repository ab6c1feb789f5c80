package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.inhibition.InhibitionRule;
import java.util.List;

/** The inhibition rules shipped with the service; they apply to every workspace. */
public interface BuiltInInhibitionRules {

    List<InhibitionRule> all();
}
