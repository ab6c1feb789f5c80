package io.depotops.incidents.adapter.out.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.incidents.application.port.BuiltInInhibitionRules;
import io.depotops.incidents.domain.inhibition.InhibitionRule;
import io.depotops.incidents.domain.label.LabelMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The built-in inhibition rules, as data: {@code inhibition-rules.json} in the service's jar. */
@ApplicationScoped
class ClasspathInhibitionRules implements BuiltInInhibitionRules {

    static final String RESOURCE = "inhibition-rules.json";

    private record MatcherData(String name, String operator, String value) {
        LabelMatcher toDomain() {
            return LabelMatcher.of(name, LabelMatcher.Operator.of(operator), value);
        }
    }

    private record RuleData(
            UUID id,
            String name,
            List<MatcherData> sourceMatchers,
            List<MatcherData> targetMatchers,
            List<String> equal) {}

    private final List<InhibitionRule> rules;

    ClasspathInhibitionRules(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service's jar");
            }
            List<RuleData> data = json.readValue(in, new TypeReference<List<RuleData>>() {});
            rules = data.stream()
                    .map(rule -> new InhibitionRule(
                            rule.id(),
                            null,
                            rule.name(),
                            rule.sourceMatchers().stream()
                                    .map(MatcherData::toDomain)
                                    .toList(),
                            rule.targetMatchers().stream()
                                    .map(MatcherData::toDomain)
                                    .toList(),
                            rule.equal()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public List<InhibitionRule> all() {
        return rules;
    }
}
