package io.depotops.incidents.application.port;

/** Whether the incidents database answers right now. */
public interface StoreHealth {

    boolean reachable();
}
