package io.depotops.incidents;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} here reaches PostgreSQL and RabbitMQ through this run's fault proxies,
 * and sends email to the run's own SMTP server ({@link SmtpSink}).
 */
@QuarkusTestResource(SmtpSink.class)
@QuarkusTestResource(
        value = TestServers.class,
        initArgs = @ResourceArg(name = TestServers.SERVERS, value = "postgres,rabbitmq"))
public class TestEnvironment {}
