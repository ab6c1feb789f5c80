package io.depotops.sim.domain.engine;

/** An agent action the run cannot take now (unknown id, vehicle away, no free connector): names the field. */
public class ActionRefusedException extends RuntimeException {

    private final String field;

    public ActionRefusedException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
