package io.depotops.core.adapter.out.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Core is ready only when its reports bucket and message-log table answer. */
@ApplicationScoped
class StorageReadinessChecks {

    @Produces
    @Readiness
    HealthCheck reportsBucket(S3Client s3, AwsStorageSettings settings) {
        return () -> probe(
                "S3 bucket " + settings.reportsBucket(), () -> s3.headBucket(b -> b.bucket(settings.reportsBucket())));
    }

    @Produces
    @Readiness
    HealthCheck messageLogTable(DynamoDbClient dynamoDb, AwsStorageSettings settings) {
        return () -> probe(
                "DynamoDB table " + settings.messageLogTable(),
                () -> dynamoDb.describeTable(t -> t.tableName(settings.messageLogTable())));
    }

    private static HealthCheckResponse probe(String name, Supplier<?> call) {
        try {
            call.get();
            return HealthCheckResponse.up(name);
        } catch (SdkException e) {
            return HealthCheckResponse.named(name)
                    .down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
