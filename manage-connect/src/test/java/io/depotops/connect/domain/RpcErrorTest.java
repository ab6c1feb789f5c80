package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RpcErrorTest {

    /** The CallError codes of OCPP-J 1.6 section 4.2.3, spelled as that version spells them. */
    private static final Set<String> CODES_16 = Set.of(
            "NotImplemented",
            "NotSupported",
            "InternalError",
            "ProtocolError",
            "SecurityError",
            "FormationViolation",
            "PropertyConstraintViolation",
            "OccurenceConstraintViolation",
            "TypeConstraintViolation",
            "GenericError");

    @Test
    void version16GetsOnlyCodesItKnowsInItsOwnSpelling() {
        for (RpcError error : RpcError.values()) {
            assertThat(CODES_16).as(error.name()).contains(error.wireName(OcppVersion.V16));
        }
        assertThat(RpcError.FORMAT_VIOLATION.wireName(OcppVersion.V16)).isEqualTo("FormationViolation");
        assertThat(RpcError.OCCURRENCE_CONSTRAINT_VIOLATION.wireName(OcppVersion.V16))
                .isEqualTo("OccurenceConstraintViolation");
    }

    @Test
    void version201GetsItsCorrectedSpellingsAndItsNewCodes() {
        assertThat(RpcError.FORMAT_VIOLATION.wireName(OcppVersion.V201)).isEqualTo("FormatViolation");
        assertThat(RpcError.OCCURRENCE_CONSTRAINT_VIOLATION.wireName(OcppVersion.V201))
                .isEqualTo("OccurrenceConstraintViolation");
        assertThat(RpcError.MESSAGE_TYPE_NOT_SUPPORTED.wireName(OcppVersion.V201))
                .isEqualTo("MessageTypeNotSupported");
        assertThat(RpcError.RPC_FRAMEWORK_ERROR.wireName(OcppVersion.V201)).isEqualTo("RpcFrameworkError");
    }

    @Test
    void codes201LacksIn16FallBackToTheNearestItHas() {
        assertThat(RpcError.MESSAGE_TYPE_NOT_SUPPORTED.wireName(OcppVersion.V16))
                .isEqualTo("GenericError");
        assertThat(RpcError.RPC_FRAMEWORK_ERROR.wireName(OcppVersion.V16)).isEqualTo("FormationViolation");
    }
}
