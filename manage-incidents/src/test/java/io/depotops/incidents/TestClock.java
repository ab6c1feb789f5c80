package io.depotops.incidents;

import io.depotops.platform.testing.MovableClock;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

/**
 * The service's clock in its tests: real time, moved forward by tests of pending times instead of
 * sleeping; such a test resets it afterwards.
 */
@Mock
@Singleton
public class TestClock extends MovableClock {}
