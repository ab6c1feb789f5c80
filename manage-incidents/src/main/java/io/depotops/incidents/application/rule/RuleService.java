package io.depotops.incidents.application.rule;

import io.depotops.incidents.application.ConflictException;
import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.InvalidInputException.FieldProblem;
import io.depotops.incidents.application.NotFoundException;
import io.depotops.incidents.application.StaleVersionException;
import io.depotops.incidents.application.port.RuleCompiler;
import io.depotops.incidents.application.port.RuleRepository;
import io.depotops.incidents.application.port.RuleRepository.DuplicateNameException;
import io.depotops.incidents.application.port.RuleTemplates;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.RuleTemplate;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rules as data: created, replaced and removed through the API, each checked before it is stored. */
@ApplicationScoped
public class RuleService {

    private final RuleRepository rules;
    private final RuleCompiler compiler;
    private final RuleTemplates templates;
    private final WorkspaceRules cache;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final RuleInputs inputs;

    RuleService(
            RuleRepository rules,
            RuleCompiler compiler,
            RuleTemplates templates,
            WorkspaceRules cache,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            RuleInputs inputs) {
        this.rules = rules;
        this.compiler = compiler;
        this.templates = templates;
        this.cache = cache;
        this.clock = clock;
        this.transactions = transactions;
        this.inputs = inputs;
    }

    /**
     * Drops the workspace's compiled rules now and again after the commit: a consumer that reloads
     * in between would otherwise keep the old rules until the cache's refresh.
     */
    private void invalidate(UUID workspaceId) {
        // The queue follows the rules in the write's transaction: bound before the rule can fire.
        inputs.reconcileAfterWrite();
        cache.invalidate(workspaceId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                cache.invalidate(workspaceId);
            }
        });
    }

    @Transactional
    public IncidentRule create(UUID workspaceId, RuleDraft draft) {
        return create(workspaceId, draft, null);
    }

    @Transactional
    public List<IncidentRule> list(UUID workspaceId) {
        return rules.list(workspaceId);
    }

    @Transactional
    public IncidentRule get(UUID workspaceId, UUID id) {
        return rules.find(workspaceId, id).orElseThrow(() -> new NotFoundException("incident rule", id));
    }

    @Transactional
    public IncidentRule update(UUID workspaceId, UUID id, long expectedVersion, RuleDraft draft) {
        IncidentRule current = get(workspaceId, id);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("incident rule", current.version());
        }
        IncidentRule next = checked(new IncidentRule(
                id,
                workspaceId,
                draft.name(),
                draft.eventTypes(),
                draft.condition(),
                draft.forSeconds(),
                draft.dedupKey(),
                draft.severity(),
                draft.resolveCondition(),
                draft.labels(),
                current.templateId(),
                current.createdAt(),
                clock.instant(),
                current.version() + 1));
        try {
            if (!rules.update(next, expectedVersion)) {
                throw new StaleVersionException(
                        "incident rule", get(workspaceId, id).version());
            }
        } catch (DuplicateNameException e) {
            throw new ConflictException("name", "another rule of this workspace is named '" + draft.name() + "'");
        }
        invalidate(workspaceId);
        return next;
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        IncidentRule current = get(workspaceId, id);
        if (current.version() != expectedVersion || !rules.delete(workspaceId, id, expectedVersion)) {
            throw new StaleVersionException("incident rule", current.version());
        }
        invalidate(workspaceId);
    }

    public List<RuleTemplate> templates() {
        return templates.all();
    }

    /**
     * Installs a built-in rule in the workspace, with the caller's pending time, severity or name
     * where given (the template's otherwise).
     */
    @Transactional
    public IncidentRule install(
            UUID workspaceId, String templateId, Integer forSeconds, Severity severity, String name) {
        RuleTemplate template = templates.all().stream()
                .filter(t -> t.id().equals(templateId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("built-in rule", templateId));
        return create(
                workspaceId,
                new RuleDraft(
                        name != null && !name.isBlank() ? name : template.name(),
                        template.eventTypes(),
                        template.condition(),
                        forSeconds != null ? forSeconds : template.forSeconds(),
                        template.dedupKey(),
                        severity != null ? severity : template.severity(),
                        template.resolveCondition(),
                        template.labels()),
                template.id());
    }

    private IncidentRule create(UUID workspaceId, RuleDraft draft, String templateId) {
        Instant now = clock.instant();
        IncidentRule rule = checked(new IncidentRule(
                UUID.randomUUID(),
                workspaceId,
                draft.name(),
                draft.eventTypes(),
                draft.condition(),
                draft.forSeconds(),
                draft.dedupKey(),
                draft.severity(),
                draft.resolveCondition(),
                draft.labels(),
                templateId,
                now,
                now,
                1));
        if (!rules.insert(rule)) {
            throw new ConflictException("name", "another rule of this workspace is named '" + draft.name() + "'");
        }
        invalidate(workspaceId);
        return rule;
    }

    private IncidentRule checked(IncidentRule rule) {
        List<FieldProblem> problems = compiler.check(rule);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rule;
    }
}
