package io.depotops.core.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A generated report of one workspace: what it covers ({@code kind} over [from, to)), where its
 * file is and how to check it ({@code objectKey}, {@code sha256}), or why it failed.
 */
public record Report(
        UUID id,
        UUID workspaceId,
        ReportKind kind,
        ReportFormat format,
        Instant from,
        Instant to,
        Status status,
        String objectKey,
        long sizeBytes,
        long rows,
        String sha256,
        String failureReason,
        Instant createdAt,
        Instant expiresAt) {

    public enum Status {
        READY,
        FAILED
    }

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The period as it appears in keys: {@code 20261001T000000Z-20261101T000000Z}. */
    public static String period(Instant from, Instant to) {
        return BASIC.format(from) + "-" + BASIC.format(to);
    }

    /**
     * Where the file lives: workspace, then kind, then period, so that one workspace's files (and
     * one kind's) can be listed, replicated or deleted by prefix.
     */
    public static String objectKey(
            UUID workspaceId, ReportKind kind, Instant from, Instant to, UUID id, ReportFormat format) {
        return workspaceId + "/" + kind.slug() + "/" + period(from, to) + "/" + id + "." + format.extension();
    }

    public static Report ready(
            UUID id,
            UUID workspaceId,
            ReportKind kind,
            ReportFormat format,
            Instant from,
            Instant to,
            String objectKey,
            long sizeBytes,
            long rows,
            String sha256,
            Instant createdAt,
            Duration retention) {
        return new Report(
                id,
                workspaceId,
                kind,
                format,
                from,
                to,
                Status.READY,
                objectKey,
                sizeBytes,
                rows,
                sha256,
                null,
                createdAt,
                createdAt.plus(retention));
    }

    public Report failed(String reason) {
        return new Report(
                id,
                workspaceId,
                kind,
                format,
                from,
                to,
                Status.FAILED,
                objectKey,
                0,
                0,
                null,
                reason,
                createdAt,
                expiresAt);
    }
}
