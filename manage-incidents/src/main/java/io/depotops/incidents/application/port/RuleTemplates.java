package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.rule.RuleTemplate;
import java.util.List;

/** The built-in rules shipped with the service. */
public interface RuleTemplates {

    List<RuleTemplate> all();
}
