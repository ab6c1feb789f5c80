package io.depotops.core.application.report;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.Times;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.MessageLog;
import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reports (issue 11): rows streamed from the database into a CSV or XLSX file on disk while its
 * SHA-256 is computed, the file stored in S3 with that checksum, its metadata indexed in DynamoDB.
 * A period without data is a file with the header row only. A file that cannot be stored leaves
 * a FAILED entry with the reason.
 */
@ApplicationScoped
public class ReportService {

    public static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final Logger LOG = Logger.getLogger(ReportService.class);

    /** A report and a link to its file. */
    public record Download(URL url, Instant expiresAt) {}

    private final ReportRows rows;
    private final MessageLog messageLog;
    private final ChargerRepository chargers;
    private final ReportFiles files;
    private final ReportIndex index;
    private final Clock clock;
    private final Duration retention;
    private final Duration linkValidity;
    private final Duration emailLinkValidity;

    ReportService(
            ReportRows rows,
            MessageLog messageLog,
            ChargerRepository chargers,
            ReportFiles files,
            ReportIndex index,
            Clock clock,
            @ConfigProperty(name = "depotops.reports.retention", defaultValue = "P90D") Duration retention,
            @ConfigProperty(name = "depotops.reports.link-validity", defaultValue = "PT5M") Duration linkValidity,
            @ConfigProperty(name = "depotops.reports.email-link-validity", defaultValue = "PT24H")
                    Duration emailLinkValidity) {
        this.rows = rows;
        this.messageLog = messageLog;
        this.chargers = chargers;
        this.files = files;
        this.index = index;
        this.clock = clock;
        this.retention = retention;
        this.linkValidity = linkValidity;
        this.emailLinkValidity = emailLinkValidity;
    }

    /** What to generate: {@code kind} over [from, to), of one depot's chargers when {@code depotId} is set. */
    public record Request(
            UUID workspaceId,
            ReportKind kind,
            ReportFormat format,
            Instant from,
            Instant to,
            UUID depotId,
            UUID chargerId) {}

    /** Generates, stores and indexes a report now; a file that cannot be stored is indexed FAILED. */
    @Transactional
    public Report generate(UUID workspaceId, ReportKind kind, ReportFormat format, Instant from, Instant to) {
        return generate(new Request(workspaceId, kind, format, from, to, null, null), true);
    }

    /**
     * Generates, stores and indexes a report. With {@code indexFailure} false (a scheduled attempt
     * that will be retried) a failure leaves no FAILED entry behind, only the exception.
     */
    @Transactional
    public Report generate(Request request, boolean indexFailure) {
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "is required");
        }
        ReportKind kind = request.kind();
        ReportFormat fileFormat = request.format() != null ? request.format() : ReportFormat.CSV;
        Instant from = request.from();
        Instant to = request.to();
        UUID workspaceId = request.workspaceId();
        if (from == null) {
            throw new InvalidInputException("from", "is required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "is required");
        }
        Times.requireStorable("from", from);
        Times.requireStorable("to", to);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("to", "a report may span at most 366 days");
        }
        RowSource source = source(request);
        UUID id = UUID.randomUUID();
        String key = Report.objectKey(workspaceId, kind, from, to, id, fileFormat);
        Instant now = clock.instant();
        Path file = null;
        try {
            file = Files.createTempFile("depotops-report-", "." + fileFormat.extension());
            Written written = write(file, fileFormat, request.kind(), source);
            Report report = Report.ready(
                    id,
                    workspaceId,
                    kind,
                    fileFormat,
                    from,
                    to,
                    key,
                    Files.size(file),
                    written.rows(),
                    HexFormat.of().formatHex(written.sha256()),
                    now,
                    retention);
            try {
                files.store(
                        key, file, fileFormat.contentType(), Base64.getEncoder().encodeToString(written.sha256()));
            } catch (RuntimeException e) {
                LOG.warnf("report %s of workspace %s could not be stored: %s", id, workspaceId, e.toString());
                String reason = "storing the file failed: " + e.getClass().getSimpleName();
                if (indexFailure) {
                    saveFailedQuietly(report.failed(reason));
                }
                throw new ReportStorageUnavailableException(id, reason, e);
            }
            try {
                index.save(report);
            } catch (RuntimeException e) {
                // the file exists but nothing points at it: remove it so that it is not kept forever
                LOG.warnf("report %s of workspace %s could not be indexed: %s", id, workspaceId, e.toString());
                deleteFileQuietly(key);
                throw new ReportStorageUnavailableException(
                        id, "indexing the report failed: " + e.getClass().getSimpleName(), e);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Deletes the files and index entries of reports expired at {@code now} (created before
     * {@code now - retention}), at most {@code limit} of them; answers how many were deleted.
     * The file goes first: an entry whose file could not be deleted stays for the next sweep.
     */
    public int sweepExpired(Instant now, int limit) {
        int deleted = 0;
        for (Report report : index.createdBefore(now.minus(retention), limit)) {
            if (now.isBefore(report.expiresAt())) {
                continue; // kept longer than today's retention when it was created
            }
            files.delete(report.objectKey());
            index.delete(report);
            deleted++;
        }
        return deleted;
    }

    public List<Report> list(UUID workspaceId) {
        return index.list(workspaceId);
    }

    public Report get(UUID workspaceId, UUID id) {
        return index.find(workspaceId, id).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** A short-lived link to a READY report's file; 404 for another workspace's, a failed or an expired one. */
    public Download download(UUID workspaceId, UUID id) {
        Report report = get(workspaceId, id);
        Instant now = clock.instant();
        if (report.status() != Report.Status.READY || !now.isBefore(report.expiresAt())) {
            throw new NotFoundException("report file", id);
        }
        return new Download(files.downloadLink(report.objectKey(), linkValidity), now.plus(linkValidity));
    }

    /**
     * The link mailed to a definition's recipients: longer-lived than the API's (an email is read
     * hours later), never beyond the report's expiry; S3 caps presigned links at 7 days.
     */
    public Download emailLink(Report report) {
        Instant now = clock.instant();
        Duration validity = emailLinkValidity;
        Duration left = Duration.between(now, report.expiresAt());
        if (left.compareTo(validity) < 0) {
            validity = left;
        }
        return new Download(files.downloadLink(report.objectKey(), validity), now.plus(validity));
    }

    private record Written(long rows, byte[] sha256) {}

    /** Where a kind's rows come from: SQL, or a charger's message log in DynamoDB. */
    private interface RowSource {
        void stream(Consumer<List<Object>> sink);
    }

    private RowSource source(Request request) {
        if (request.kind() != ReportKind.CHARGER_MESSAGE_LOG) {
            return sink -> rows.stream(
                    request.workspaceId(), request.kind(), request.from(), request.to(), request.depotId(), sink);
        }
        if (request.chargerId() == null) {
            throw new InvalidInputException("chargerId", "is required for a charger's message log");
        }
        String chargePointId = chargers.find(request.workspaceId(), request.chargerId())
                .orElseThrow(() -> new InvalidInputException("chargerId", "is not a charger of this workspace"))
                .chargePointId();
        return sink -> messageLog.stream(
                chargePointId,
                request.from(),
                request.to(),
                frame -> sink.accept(Arrays.asList(
                        frame.message().at(),
                        frame.message().direction(),
                        frame.message().ocppVersion(),
                        frame.type().name(),
                        frame.messageId(),
                        frame.action(),
                        frame.message().frame())));
    }

    private Written write(Path file, ReportFormat format, ReportKind kind, RowSource source) throws IOException {
        MessageDigest digest = sha256();
        AtomicLong count = new AtomicLong();
        try (ReportFileWriter writer = ReportFileWriter.open(
                format,
                new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest),
                kind.columns())) {
            source.stream(row -> {
                try {
                    writer.row(row);
                    count.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new Written(count.get(), digest.digest());
    }

    private void saveFailedQuietly(Report failed) {
        try {
            index.save(failed);
        } catch (RuntimeException e) {
            LOG.warnf("failed report %s could not be indexed either: %s", failed.id(), e.toString());
        }
    }

    private void deleteFileQuietly(String key) {
        try {
            files.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("report file %s could not be deleted: %s", key, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("temporary report file %s not deleted: %s", file, e.toString());
            }
        }
    }
}
