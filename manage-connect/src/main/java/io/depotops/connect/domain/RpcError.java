package io.depotops.connect.domain;

/**
 * The error codes of an OCPP-J CALLERROR, with the spelling of each version. OCPP-J 1.6 section
 * 4.2.3 (CallError) and OCPP 2.0.1 Part 4 section 4.2.3 (RPC framework: CallError) list them;
 * 1.6 spells two of them differently ({@code FormationViolation}, {@code
 * OccurenceConstraintViolation}) and lacks {@code MessageTypeNotSupported} and {@code
 * RpcFrameworkError}: for those, 1.6 gets the nearest code it has.
 */
public enum RpcError {
    /** Requested Action is not known by receiver. */
    NOT_IMPLEMENTED("NotImplemented", "NotImplemented"),
    /** Requested Action is recognized but not supported by the receiver. */
    NOT_SUPPORTED("NotSupported", "NotSupported"),
    /** An internal error occurred and the receiver was not able to process the requested Action. */
    INTERNAL_ERROR("InternalError", "InternalError"),
    /** Payload for Action is incomplete. */
    PROTOCOL_ERROR("ProtocolError", "ProtocolError"),
    /** A security issue occurred preventing the receiver from completing the Action. */
    SECURITY_ERROR("SecurityError", "SecurityError"),
    /** Payload for Action is syntactically incorrect or does not conform to the PDU structure. */
    FORMAT_VIOLATION("FormationViolation", "FormatViolation"),
    /** A field contains an invalid value. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation", "PropertyConstraintViolation"),
    /** A field violates occurrence constraints (missing required, too many items). */
    OCCURRENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation", "OccurrenceConstraintViolation"),
    /** A field violates data type constraints. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation", "TypeConstraintViolation"),
    /** Any other error. */
    GENERIC_ERROR("GenericError", "GenericError"),
    /** 2.0.1: a message type number this implementation does not support; 1.6 has no such code. */
    MESSAGE_TYPE_NOT_SUPPORTED("GenericError", "MessageTypeNotSupported"),
    /** 2.0.1: not a valid RPC request, e.g. the message id could not be read. */
    RPC_FRAMEWORK_ERROR("FormationViolation", "RpcFrameworkError");

    private final String v16;
    private final String v201;

    RpcError(String v16, String v201) {
        this.v16 = v16;
        this.v201 = v201;
    }

    /** The code as it goes on the wire in {@code version}. */
    public String wireName(OcppVersion version) {
        return version == OcppVersion.V16 ? v16 : v201;
    }
}
