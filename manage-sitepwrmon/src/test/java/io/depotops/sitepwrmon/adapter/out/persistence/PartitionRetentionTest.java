package io.depotops.sitepwrmon.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.sitepwrmon.application.reading.PartitionMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The raw series' daily partitions: created ahead of time and dropped whole after the retention. */
@QuarkusTest
class PartitionRetentionTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    PartitionMaintenance maintenance;

    private static String partition(Instant at) {
        return "reading_p" + DAY.format(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    @Test
    void partitionsExistAheadAndTheOnesPastTheRetentionAreDropped() {
        Instant now = Instant.now();
        assertThat(maintenance.partitions())
                .contains(
                        partition(now),
                        partition(now.plus(Duration.ofDays(3))),
                        partition(now.minus(Duration.ofDays(7))));
        Instant later = now.plus(Duration.ofDays(45));
        try {
            PartitionMaintenance.Pass pass = maintenance.run(later);
            assertThat(pass.dropped()).contains(partition(now), partition(now.minus(Duration.ofDays(7))));
            assertThat(pass.created()).contains(partition(later), partition(later.plus(Duration.ofDays(3))));
            assertThat(maintenance.partitions())
                    .doesNotContain(partition(now))
                    .contains(partition(later.minus(Duration.ofDays(7))), partition(later.plus(Duration.ofDays(3))));
        } finally {
            // Today's partitions back for the other tests (the job does the same at every start).
            maintenance.run(now);
        }
        assertThat(maintenance.partitions()).contains(partition(now));
    }
}
