package io.depotops.incidents.adapter.out.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.incidents.application.InvalidInputException.FieldProblem;
import io.depotops.incidents.application.port.RuleCompiler.CompiledRule;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.depotops.incidents.domain.rule.RuleTemplate;
import io.depotops.incidents.domain.rule.Severity;
import io.depotops.incidents.domain.rule.ValueGuard;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CelRuleCompilerTest {

    private final CelRuleCompiler compiler = new CelRuleCompiler();

    private static IncidentRule rule(String condition, String key, String resolve) {
        return new IncidentRule(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "r",
                Set.of("t.v1"),
                condition,
                0,
                key,
                Severity.INFO,
                resolve,
                Map.of(),
                null,
                Instant.now(),
                Instant.now(),
                1);
    }

    private static ObservedEvent event(String type, String subject, Map<String, Object> data) {
        return new ObservedEvent("e1", type, subject, UUID.randomUUID(), Instant.now(), data, "charger", null);
    }

    @Test
    void aBrokenExpressionIsRefusedNamingTheFieldAndTheCompilersMessage() {
        List<FieldProblem> problems =
                compiler.check(rule("event.data.status ==", "event.subject", "nosuchfunction(event)"));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("condition", "resolveCondition");
        assertThat(problems.get(0).message()).startsWith("does not compile: ").contains("line 1");
        assertThat(problems.get(1).message()).contains("nosuchfunction");
    }

    @Test
    void aConditionMustBeBooleanAndAKeyAString() {
        List<FieldProblem> problems = compiler.check(rule("'FAULTED'", "event.type == 'x'", null));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("condition", "dedupKey");
    }

    @Test
    void aMissingFieldMakesAConditionFalseInsteadOfFailing() {
        CompiledRule compiled = compiler.compile(rule("event.data.status == 'FAULTED'", null, null));
        assertThat(compiled.fires(event("t.v1", "CP-1", Map.of("status", "FAULTED"))))
                .isTrue();
        assertThat(compiled.fires(event("t.v1", "CP-1", Map.of()))).isFalse();
        assertThat(compiled.dedupKey(event("t.v1", "CP-1", Map.of()))).isEqualTo("CP-1");
    }

    @Test
    void everyBuiltInRuleCompilesAndTellsItsFiringEventFromItsResolvingOne() throws Exception {
        List<RuleTemplate> templates;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("incident-rule-templates.json")) {
            templates = new ObjectMapper().readValue(in, new TypeReference<List<RuleTemplate>>() {});
        }
        assertThat(templates)
                .extracting(RuleTemplate::id)
                .containsExactlyInAnyOrder(
                        "charger-faulted",
                        "charger-offline",
                        "transaction-failed",
                        "command-failed",
                        "security-event",
                        "telematics-stale",
                        "firmware-failed",
                        "plugged-in-not-charging",
                        "site-power-near-limit",
                        "site-power-exceeded",
                        "departure-at-risk");
        Map<String, CompiledRule> compiled = new java.util.HashMap<>();
        for (RuleTemplate t : templates) {
            IncidentRule rule = new IncidentRule(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    t.name(),
                    t.eventTypes(),
                    t.condition(),
                    t.forSeconds(),
                    t.dedupKey(),
                    t.severity(),
                    t.resolveCondition(),
                    t.labels(),
                    t.id(),
                    Instant.now(),
                    Instant.now(),
                    1);
            assertThat(compiler.check(rule)).as(t.id()).isEmpty();
            compiled.put(t.id(), compiler.compile(rule));
        }
        CompiledRule faulted = compiled.get("charger-faulted");
        ObservedEvent fault =
                event("connect.charger.status-changed.v1", "CP-1", Map.of("status", "FAULTED", "connectorId", 2L));
        assertThat(faulted.fires(fault)).isTrue();
        assertThat(faulted.dedupKey(fault)).isEqualTo("CP-1/2");
        assertThat(faulted.resolves(event(
                        "connect.charger.status-changed.v1", "CP-1", Map.of("status", "AVAILABLE", "connectorId", 2L))))
                .isTrue();

        CompiledRule offline = compiled.get("charger-offline");
        assertThat(offline.fires(event("connect.charger.disconnected.v1", "CP-1", Map.of("reason", "closed"))))
                .isTrue();
        assertThat(offline.fires(event("connect.charger.disconnected.v1", "CP-1", Map.of("reason", "replaced"))))
                .isFalse();
        assertThat(offline.resolves(event("connect.charger.connected.v1", "CP-1", Map.of())))
                .isTrue();

        CompiledRule transaction = compiled.get("transaction-failed");
        assertThat(transaction.fires(event("core.transaction.ended.v1", "7", Map.of("energyWh", 0L))))
                .isTrue();
        assertThat(transaction.fires(event(
                        "core.transaction.ended.v1", "7", Map.of("energyWh", 12000.5, "stopReason", "PowerLoss"))))
                .isTrue();
        assertThat(transaction.fires(
                        event("core.transaction.ended.v1", "7", Map.of("energyWh", 12000L, "stopReason", "Local"))))
                .isFalse();

        // The built-in rules are guarded (the index evaluates them only for events that can match),
        // except the two whose conditions pin no value; they are the only rules of their types.
        assertThat(compiled.values())
                .filteredOn(rule -> rule.guard().isEmpty())
                .extracting(rule -> rule.rule().templateId())
                .containsExactlyInAnyOrder("transaction-failed", "security-event");
        assertThat(offline.guard().orElseThrow().values())
                .containsExactlyInAnyOrder("connect.charger.disconnected.v1", "connect.charger.connected.v1");

        CompiledRule notCharging = compiled.get("plugged-in-not-charging");
        ObservedEvent suspended = event(
                "connect.charger.status-changed.v1",
                "CP-1",
                Map.of("status", "OCCUPIED", "ocppStatus", "SuspendedEV", "connectorId", 1L));
        assertThat(notCharging.fires(suspended)).isTrue();
        assertThat(notCharging.resolves(suspended)).isFalse();
        assertThat(notCharging.resolves(event(
                        "connect.charger.status-changed.v1",
                        "CP-1",
                        Map.of("status", "OCCUPIED", "ocppStatus", "Charging", "connectorId", 1L))))
                .isTrue();
        // OCPP 2.0.1 only says Occupied: neither fires nor resolves.
        assertThat(notCharging.fires(event(
                        "connect.charger.status-changed.v1", "CP-1", Map.of("status", "OCCUPIED", "connectorId", 1L))))
                .isFalse();

        CompiledRule exceeded = compiled.get("site-power-exceeded");
        assertThat(exceeded.fires(event("sitepwrmon.limit-exceeded.v1", "N", Map.of())))
                .isTrue();
        assertThat(exceeded.resolves(event("sitepwrmon.node-load.v1", "N", Map.of("state", "EXCEEDED"))))
                .isFalse();
        assertThat(exceeded.resolves(event("sitepwrmon.node-load.v1", "N", Map.of("state", "APPROACHING"))))
                .isTrue();
        CompiledRule near = compiled.get("site-power-near-limit");
        assertThat(near.resolves(event("sitepwrmon.node-load.v1", "N", Map.of("state", "APPROACHING"))))
                .isFalse();
        assertThat(near.resolves(event("sitepwrmon.node-load.v1", "N", Map.of("state", "NORMAL"))))
                .isTrue();

        CompiledRule stale = compiled.get("telematics-stale");
        assertThat(stale.fires(event("core.telematics.vehicle-stale.v1", "V", Map.of())))
                .isTrue();
        assertThat(stale.resolves(event("core.telematics.vehicle-updated.v1", "V", Map.of())))
                .isTrue();
    }

    @Test
    void aGuardIsReadFromAnEqualityOrAnInListAmongTheTopLevelConjuncts() {
        assertThat(compiler.compile(rule("event.data.group == 7 && event.data.energyWh == 0", null, null))
                        .guard())
                .contains(new ValueGuard(List.of("data", "group"), Set.of(7L)));
        assertThat(compiler.compile(rule("has(event.data.s) && 'A' == event.data.s", null, null))
                        .guard())
                .contains(new ValueGuard(List.of("data", "s"), Set.of("A")));
        assertThat(compiler.compile(rule("event.data.status in ['FAULTED', 'UNAVAILABLE']", null, null))
                        .guard())
                .contains(new ValueGuard(List.of("data", "status"), Set.of("FAULTED", "UNAVAILABLE")));
        // Together with a resolve condition on the same path, the guard admits both.
        assertThat(compiler.compile(rule("event.type == 'a.v1'", null, "event.type == 'b.v1' && true"))
                        .guard())
                .contains(new ValueGuard(List.of("type"), Set.of("a.v1", "b.v1")));
    }

    @Test
    void noGuardWhereTheExpressionDoesNotPinAValue() {
        assertThat(compiler.compile(rule("event.data.a == 1 || event.data.b == 2", null, null))
                        .guard())
                .isEmpty();
        assertThat(compiler.compile(rule("!(event.data.a == 1)", null, null)).guard())
                .isEmpty();
        assertThat(compiler.compile(rule("event.data.a == 1.5", null, null)).guard())
                .isEmpty();
        assertThat(compiler.compile(rule("event.data.a in [1, 2.5]", null, null))
                        .guard())
                .isEmpty();
        assertThat(compiler.compile(rule("event.data.a != 'x'", null, null)).guard())
                .isEmpty();
        // A resolve condition without a guard, or guarding another path, can hold for any event.
        assertThat(compiler.compile(rule("event.data.a == 'x'", null, "event.data.b == 'y'"))
                        .guard())
                .isEmpty();
        assertThat(compiler.compile(rule("event.data.a == 'x'", null, "true")).guard())
                .isEmpty();
    }
}
