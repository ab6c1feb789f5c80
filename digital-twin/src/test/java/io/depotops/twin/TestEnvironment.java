package io.depotops.twin;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} here reaches PostgreSQL, RabbitMQ and Redis through this run's fault
 * proxies, and core through {@link CoreStandIn}.
 */
@QuarkusTestResource(CoreStandIn.class)
@QuarkusTestResource(
        value = TestServers.class,
        initArgs = @ResourceArg(name = TestServers.SERVERS, value = "postgres,rabbitmq,redis"))
public class TestEnvironment {}
