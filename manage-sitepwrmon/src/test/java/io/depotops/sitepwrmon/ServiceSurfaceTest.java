package io.depotops.sitepwrmon;

import io.depotops.platform.testing.ServiceSurfaceChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceSurfaceTest extends ServiceSurfaceChecks {}
