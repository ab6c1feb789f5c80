package io.depotops.core.application.report;

import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportDefinition;
import java.net.URL;
import java.time.Instant;

/** Tells a definition's recipients that its report is ready (email). */
public interface ReportNotifier {

    /** Best effort: a failure to notify is logged, it never fails the run. */
    void reportReady(ReportDefinition definition, Report report, URL link, Instant linkExpiresAt);
}
