package io.depotops.incidents.application.rule;

import io.depotops.incidents.application.port.RuleCompiler;
import io.depotops.incidents.application.port.RuleCompiler.CompiledRule;
import io.depotops.incidents.application.port.RuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Each workspace's rules, compiled once and kept: compiling CEL per event would dominate the cost
 * of evaluating it. A write through this instance drops the workspace's entry at once; writes
 * through another instance are seen within {@link #REFRESH}.
 */
@ApplicationScoped
public class WorkspaceRules {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(WorkspaceRules.class);

    private record Loaded(List<CompiledRule> rules, Instant at) {}

    private final RuleRepository repository;
    private final RuleCompiler compiler;
    private final Map<UUID, Loaded> loaded = new ConcurrentHashMap<>();

    WorkspaceRules(RuleRepository repository, RuleCompiler compiler) {
        this.repository = repository;
        this.compiler = compiler;
    }

    /** The workspace's rules that apply to events of {@code eventType}. */
    public List<CompiledRule> forEvent(UUID workspaceId, String eventType) {
        Instant now = Instant.now(); // wall time on purpose: a cache age, not a rule's time
        Loaded entry = loaded.get(workspaceId);
        if (entry == null || entry.at().plus(REFRESH).isBefore(now)) {
            entry = new Loaded(load(workspaceId), now);
            loaded.put(workspaceId, entry);
        }
        return entry.rules().stream()
                .filter(rule -> rule.rule().appliesTo(eventType))
                .toList();
    }

    public void invalidate(UUID workspaceId) {
        loaded.remove(workspaceId);
    }

    private List<CompiledRule> load(UUID workspaceId) {
        return repository.list(workspaceId).stream()
                .flatMap(rule -> {
                    try {
                        return java.util.stream.Stream.of(compiler.compile(rule));
                    } catch (RuntimeException e) {
                        // Checked when written; a rule that no longer compiles must not stop the others.
                        LOG.errorf(
                                "rule %s of workspace %s does not compile: %s", rule.id(), workspaceId, e.getMessage());
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
