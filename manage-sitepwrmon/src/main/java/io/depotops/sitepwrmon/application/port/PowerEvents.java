package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.limit.LoadAssessment;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import java.time.Instant;

/** The service's events, appended in the caller's transaction (the outbox). */
public interface PowerEvents {

    void nodeLoad(PowerNode node, Reading reading, LoadAssessment assessment);

    void limitApproaching(PowerNode node, Reading reading, LoadAssessment assessment);

    void limitExceeded(PowerNode node, Reading reading, LoadAssessment assessment);

    void meterSilent(Meter meter, PowerNode node, Instant detectedAt);
}
