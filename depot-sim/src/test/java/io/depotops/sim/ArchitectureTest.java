package io.depotops.sim;

import io.depotops.platform.testing.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalLayoutOfTheDesign() {
        HexagonalArchitecture.verify("io.depotops.sim");
    }
}
