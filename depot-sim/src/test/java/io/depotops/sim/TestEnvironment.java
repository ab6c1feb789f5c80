package io.depotops.sim;

import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every {@code @QuarkusTest} here reaches PostgreSQL through this run's fault proxy. */
@QuarkusTestResource(value = TestServers.class, initArgs = @ResourceArg(name = TestServers.SERVERS, value = "postgres"))
public class TestEnvironment {}
