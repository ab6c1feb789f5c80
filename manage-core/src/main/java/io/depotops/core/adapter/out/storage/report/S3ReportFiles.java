package io.depotops.core.adapter.out.storage.report;

import io.depotops.core.adapter.out.storage.AwsStorageSettings;
import io.depotops.core.application.report.ReportFiles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Report files in the reports bucket: stored with their content type, the SHA-256 the file was
 * written with (S3 refuses the upload if the bytes it received differ) and server-side encryption
 * ({@code depotops.reports.server-side-encryption}: AES256 or aws:kms); downloaded through
 * presigned GET links.
 */
@ApplicationScoped
class S3ReportFiles implements ReportFiles {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final ServerSideEncryption encryption;

    S3ReportFiles(
            S3Client s3,
            AwsStorageSettings settings,
            @ConfigProperty(name = "depotops.reports.server-side-encryption", defaultValue = "AES256")
                    String encryption) {
        this.s3 = s3;
        this.bucket = settings.reportsBucket();
        this.encryption = ServerSideEncryption.fromValue(encryption);
        var builder = S3Presigner.builder()
                .region(s3.serviceClientConfiguration().region())
                .credentialsProvider(s3.serviceClientConfiguration().credentialsProvider())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build());
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        this.presigner = builder.build();
    }

    @Override
    public void store(String key, Path file, String contentType, String sha256Base64) {
        s3.putObject(
                put -> put.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(sha256Base64)
                        .serverSideEncryption(encryption),
                RequestBody.fromFile(file));
    }

    @Override
    public URL downloadLink(String key, Duration validity) {
        return presigner
                .presignGetObject(get -> get.signatureDuration(validity)
                        .getObjectRequest(object -> object.bucket(bucket).key(key)))
                .url();
    }

    @Override
    public void delete(String key) {
        // S3 answers a delete of a missing key with success, so a sweep may repeat itself safely
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }

    @PreDestroy
    void close() {
        presigner.close();
    }
}
