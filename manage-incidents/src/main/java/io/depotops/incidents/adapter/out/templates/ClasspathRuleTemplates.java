package io.depotops.incidents.adapter.out.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.incidents.application.port.RuleTemplates;
import io.depotops.incidents.domain.rule.RuleTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The built-in rules, as data: {@code incident-rule-templates.json} in the service's jar. */
@ApplicationScoped
class ClasspathRuleTemplates implements RuleTemplates {

    static final String RESOURCE = "incident-rule-templates.json";

    private final List<RuleTemplate> templates;

    ClasspathRuleTemplates(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service's jar");
            }
            templates = List.copyOf(json.readValue(in, new TypeReference<List<RuleTemplate>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public List<RuleTemplate> all() {
        return templates;
    }
}
