package io.depotops.telematics;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every {@code @QuarkusTest} here reaches RabbitMQ through this run's fault proxies. */
@QuarkusTestResource(value = TestServers.class, initArgs = @ResourceArg(name = TestServers.SERVERS, value = "rabbitmq"))
public class TestEnvironment {}
