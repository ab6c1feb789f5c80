package io.depotops.core.application.report;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.Times;
import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reports on demand (issue 11): rows streamed from the database into a CSV file on disk while its
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
    private final ReportFiles files;
    private final ReportIndex index;
    private final Clock clock;
    private final Duration retention;
    private final Duration linkValidity;

    ReportService(
            ReportRows rows,
            ReportFiles files,
            ReportIndex index,
            Clock clock,
            @ConfigProperty(name = "depotops.reports.retention", defaultValue = "P90D") Duration retention,
            @ConfigProperty(name = "depotops.reports.link-validity", defaultValue = "PT5M") Duration linkValidity) {
        this.rows = rows;
        this.files = files;
        this.index = index;
        this.clock = clock;
        this.retention = retention;
        this.linkValidity = linkValidity;
    }

    /** Generates, stores and indexes a report now. */
    @Transactional
    public Report generate(UUID workspaceId, ReportKind kind, ReportFormat format, Instant from, Instant to) {
        if (kind == null) {
            throw new InvalidInputException("kind", "is required");
        }
        ReportFormat fileFormat = format != null ? format : ReportFormat.CSV;
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
        UUID id = UUID.randomUUID();
        String key = Report.objectKey(workspaceId, kind, from, to, id, fileFormat);
        Instant now = clock.instant();
        Path file = null;
        try {
            file = Files.createTempFile("depotops-report-", "." + fileFormat.extension());
            Written written = writeCsv(file, workspaceId, kind, from, to);
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
                index.save(report.failed(reason));
                throw new ReportStorageUnavailableException(id, reason, e);
            }
            index.save(report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
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

    private record Written(long rows, byte[] sha256) {}

    private Written writeCsv(Path file, UUID workspaceId, ReportKind kind, Instant from, Instant to)
            throws IOException {
        MessageDigest digest = sha256();
        AtomicLong count = new AtomicLong();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest);
                CSVPrinter csv = new CSVPrinter(
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(kind.columns().toArray(String[]::new))
                                .get())) {
            rows.stream(workspaceId, kind, from, to, row -> {
                try {
                    csv.printRecord(row);
                    count.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new Written(count.get(), digest.digest());
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
