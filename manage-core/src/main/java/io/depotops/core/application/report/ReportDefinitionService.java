package io.depotops.core.application.report;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.domain.report.ReportDefinition;
import io.depotops.core.domain.report.ReportDefinition.ScheduleState;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import io.depotops.core.domain.report.ReportPeriod;
import io.depotops.core.domain.report.ReportRun;
import io.depotops.core.domain.report.ReportSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Report definitions of a workspace: checked, stored with their next cron time, versioned. */
@ApplicationScoped
public class ReportDefinitionService {

    static final int MAX_RECIPIENTS = 20;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]{1,253}\\.[^@\\s,;<>\"]+$");

    /** What a caller may set. */
    public record DefinitionInput(
            String name,
            UUID depotId,
            ReportKind kind,
            ReportFormat format,
            ReportPeriod period,
            String cron,
            List<String> recipients,
            Boolean enabled) {}

    private final ReportDefinitions definitions;
    private final Clock clock;

    ReportDefinitionService(ReportDefinitions definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    @Transactional
    public ReportDefinition create(UUID workspaceId, DefinitionInput input) {
        Instant now = clock.instant();
        return definitions.insert(checked(workspaceId, UUID.randomUUID(), input, 0, now, now));
    }

    @Transactional
    public ReportDefinition update(UUID workspaceId, UUID id, DefinitionInput input, long expectedVersion) {
        ReportDefinition current = get(workspaceId, id);
        return definitions.update(
                checked(workspaceId, id, input, expectedVersion, current.createdAt(), clock.instant()),
                expectedVersion);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        get(workspaceId, id);
        definitions.delete(workspaceId, id, expectedVersion);
    }

    public ReportDefinition get(UUID workspaceId, UUID id) {
        return definitions.find(workspaceId, id).orElseThrow(() -> new NotFoundException("report definition", id));
    }

    public boolean isDepotOf(UUID workspaceId, UUID depotId) {
        return definitions.depotZone(workspaceId, depotId).isPresent();
    }

    public List<ReportDefinition> list(UUID workspaceId) {
        return definitions.list(workspaceId);
    }

    public List<ReportRun> runs(UUID workspaceId, UUID id, int limit) {
        get(workspaceId, id);
        return definitions.runs(id, Math.clamp(limit, 1, 500));
    }

    private ReportDefinition checked(
            UUID workspaceId, UUID id, DefinitionInput input, long version, Instant createdAt, Instant now) {
        if (input == null) {
            throw new InvalidInputException("name", "is required");
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "is required, at most 200 characters");
        }
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "is required");
        }
        if (input.kind() == ReportKind.CHARGER_MESSAGE_LOG) {
            throw new InvalidInputException("kind", "a charger's message log is exported on demand only");
        }
        if (input.period() == null) {
            throw new InvalidInputException("period", "is required");
        }
        if (input.depotId() == null) {
            throw new InvalidInputException("depotId", "is required (its time zone reads the cron expression)");
        }
        ZoneId zone = definitions
                .depotZone(workspaceId, input.depotId())
                .orElseThrow(() -> new InvalidInputException("depotId", "is not a depot of this workspace"));
        ReportSchedule schedule;
        try {
            schedule = ReportSchedule.parse(input.cron(), zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cron", e.getMessage());
        }
        Instant first =
                schedule.nextAfter(now).orElseThrow(() -> new InvalidInputException("cron", "never fires after now"));
        List<String> recipients = recipients(input.recipients());
        boolean enabled = input.enabled() == null || input.enabled();
        return new ReportDefinition(
                id,
                workspaceId,
                input.depotId(),
                name,
                input.kind(),
                input.format() != null ? input.format() : ReportFormat.CSV,
                input.period(),
                input.cron().strip(),
                recipients,
                enabled,
                new ScheduleState(first, first, 0, null, null, null, null),
                version,
                createdAt,
                now);
    }

    private static List<String> recipients(List<String> given) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String address : given) {
            String trimmed = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(trimmed).matches()) {
                throw new InvalidInputException("recipients", "'" + address + "' is not an email address");
            }
            unique.add(trimmed);
        }
        if (unique.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("recipients", "at most " + MAX_RECIPIENTS + " addresses");
        }
        return new ArrayList<>(unique);
    }
}
