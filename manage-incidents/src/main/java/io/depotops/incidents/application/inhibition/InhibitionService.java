package io.depotops.incidents.application.inhibition;

import io.depotops.incidents.application.ConflictException;
import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.NotFoundException;
import io.depotops.incidents.application.port.BuiltInInhibitionRules;
import io.depotops.incidents.application.port.InhibitionRuleRepository;
import io.depotops.incidents.domain.inhibition.InhibitionRule;
import io.depotops.incidents.domain.label.LabelMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inhibition rules: the built-in ones for every workspace, and each workspace's own. */
@ApplicationScoped
public class InhibitionService {

    private final InhibitionRuleRepository rules;
    private final BuiltInInhibitionRules builtIn;
    private final Clock clock;

    InhibitionService(InhibitionRuleRepository rules, BuiltInInhibitionRules builtIn, Clock clock) {
        this.rules = rules;
        this.builtIn = builtIn;
        this.clock = clock;
    }

    public record InhibitionDraft(
            String name, List<LabelMatcher> sourceMatchers, List<LabelMatcher> targetMatchers, List<String> equal) {}

    @Transactional
    public InhibitionRule create(UUID workspaceId, InhibitionDraft draft) {
        InhibitionRule rule;
        try {
            rule = new InhibitionRule(
                    UUID.randomUUID(),
                    workspaceId,
                    draft.name(),
                    draft.sourceMatchers(),
                    draft.targetMatchers(),
                    draft.equal());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.from(e);
        }
        if (!rules.insert(rule, clock.instant())) {
            throw new ConflictException(
                    "name", "another inhibition rule of this workspace is named '" + draft.name() + "'");
        }
        return rule;
    }

    /** The built-in rules first, then the workspace's own. */
    @Transactional
    public List<InhibitionRule> list(UUID workspaceId) {
        List<InhibitionRule> all = new ArrayList<>(builtIn.all());
        all.addAll(rules.list(workspaceId));
        return all;
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        if (builtIn.all().stream().anyMatch(rule -> rule.id().equals(id))) {
            throw new ConflictException("id", "a built-in inhibition rule cannot be deleted");
        }
        if (!rules.delete(workspaceId, id)) {
            throw new NotFoundException("inhibition rule", id);
        }
    }
}
