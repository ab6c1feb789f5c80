package io.depotops.core.adapter.out.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 and DynamoDB clients of core, built once from {@link AwsStorageSettings}. */
@ApplicationScoped
class AwsClients {

    @Produces
    @ApplicationScoped
    S3Client s3(AwsStorageSettings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // S3Mock and most S3-compatible stores serve buckets by path, not by host name.
                .forcePathStyle(true);
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb(AwsStorageSettings settings) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.dynamodbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    private static AwsCredentialsProvider credentials(AwsStorageSettings settings) {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKeyId().get(), settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
