package io.depotops.core;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every {@code @QuarkusTest} here reaches PostgreSQL, RabbitMQ, Redis, DynamoDB and S3 through this run's fault proxies. */
@QuarkusTestResource(
        value = TestServers.class,
        initArgs = @ResourceArg(name = TestServers.SERVERS, value = "postgres,rabbitmq,redis,dynamodb,s3"))
public class TestEnvironment {}
