package io.depotops.core.adapter.out.storage;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * {@code depotops.aws.*}: S3 (reports) and DynamoDB (OCPP message log). Endpoints point at S3Mock
 * and DynamoDB Local in development; left empty, the SDK's regional endpoints are used.
 */
@ConfigMapping(prefix = "depotops.aws")
public interface AwsStorageSettings {

    String region();

    /** Static keys (development emulators); unset: the SDK's default credential chain. */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    Optional<URI> s3Endpoint();

    Optional<URI> dynamodbEndpoint();

    /** Bucket of generated reports. */
    String reportsBucket();

    /** Table of the OCPP message log. */
    String messageLogTable();
}
