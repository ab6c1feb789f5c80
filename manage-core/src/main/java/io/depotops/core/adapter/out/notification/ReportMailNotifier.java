package io.depotops.core.adapter.out.notification;

import io.depotops.core.application.report.ReportNotifier;
import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportDefinition;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The report's download link by email (quarkus-mailer over SMTP, the same setup incidents uses). */
@ApplicationScoped
class ReportMailNotifier implements ReportNotifier {

    private final ReactiveMailer mailer;
    private final Duration timeout;

    ReportMailNotifier(
            ReactiveMailer mailer,
            @ConfigProperty(name = "depotops.reports.email-timeout", defaultValue = "10s") Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    @Override
    public void reportReady(ReportDefinition definition, Report report, URL link, Instant linkExpiresAt) {
        String text = """
                The report "%s" is ready.

                Kind: %s (%s)
                Period: %s to %s (UTC)
                Rows: %d, %d bytes, SHA-256 %s

                Download (this link works until %s):
                %s

                Later, open it in depotops (report %s) for a fresh link.
                """.formatted(
                        definition.name(),
                        report.kind(),
                        report.format(),
                        report.from(),
                        report.to(),
                        report.rows(),
                        report.sizeBytes(),
                        report.sha256(),
                        linkExpiresAt,
                        link,
                        report.id());
        Mail mail = Mail.withText(definition.recipients().getFirst(), "depotops report: " + definition.name(), text)
                .setTo(definition.recipients())
                .addHeader("Message-ID", "<" + report.id() + "@reports.core.depotops>");
        mailer.send(mail).await().atMost(timeout);
    }
}
