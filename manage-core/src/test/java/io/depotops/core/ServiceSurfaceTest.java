package io.depotops.core;

import io.depotops.platform.testing.ServiceSurfaceChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceSurfaceTest extends ServiceSurfaceChecks {}
