package io.depotops.core.adapter.in.rest;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** {@link CoreApiFixtures} for tests of other packages. */
public final class CoreApiTestAccess {

    private CoreApiTestAccess() {}

    public static String token(String role, String... workspaces) {
        return CoreApiFixtures.token(role, workspaces);
    }

    public static RequestSpecification coreLink() {
        return CoreApiFixtures.coreLink();
    }

    public static RequestSpecification as(String token) {
        return CoreApiFixtures.as(token);
    }

    public static String newWorkspace() {
        return CoreApiFixtures.newWorkspace();
    }

    public static String newDepot(String token, String workspace) {
        return CoreApiFixtures.newDepot(token, workspace);
    }

    public static String newSite(String token, String workspace, String depot) {
        return CoreApiFixtures.newSite(token, workspace, depot);
    }

    public static Map<String, Object> charger(String site, String chargePointId) {
        return CoreApiFixtures.charger(site, chargePointId);
    }

    public static String uniqueChargePointId() {
        return CoreApiFixtures.uniqueChargePointId();
    }
}
