package io.depotops.connect;

import io.depotops.platform.testing.MovableClock;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

/**
 * The service's clock in its tests: real time, moved forward by tests of time rules instead of
 * sleeping; such a test resets it afterwards.
 */
@Mock
@Singleton
public class TestClock extends MovableClock {}
