package io.depotops.core.application.report;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

/** Where report files are kept (S3). */
public interface ReportFiles {

    /** Stores the file under {@code key}; the store checks it against {@code sha256Base64}. */
    void store(String key, Path file, String contentType, String sha256Base64);

    /** A link to download the file without credentials, valid for {@code validity}. */
    URL downloadLink(String key, Duration validity);

    /** Deletes the file; a file that is already gone is not an error. */
    void delete(String key);
}
