package io.depotops.core.domain;

/**
 * A frame of the message log with what its OCPP-J envelope says: {@code type} CALL (2), CALLRESULT
 * (3) or CALLERROR (4), the {@code messageId} that pairs a CALL with its answer, and the CALL's
 * {@code action} (null for answers: the frame alone does not name it). {@code key} is where the
 * frame sits in the log, opaque to callers.
 */
public record LoggedFrame(OcppMessage message, String key, Type type, String messageId, String action) {

    public enum Type {
        CALL,
        CALLRESULT,
        CALLERROR,
        /** not an OCPP-J array (kept as it arrived) */
        UNREADABLE;

        public static Type of(int messageTypeId) {
            return switch (messageTypeId) {
                case 2 -> CALL;
                case 3 -> CALLRESULT;
                case 4 -> CALLERROR;
                default -> UNREADABLE;
            };
        }
    }

    /** Whether {@code other} answers this CALL: same message id, the other direction. */
    public boolean isAnsweredBy(LoggedFrame other) {
        return type == Type.CALL
                && (other.type == Type.CALLRESULT || other.type == Type.CALLERROR)
                && messageId != null
                && messageId.equals(other.messageId)
                && !message.direction().equals(other.message.direction());
    }
}
