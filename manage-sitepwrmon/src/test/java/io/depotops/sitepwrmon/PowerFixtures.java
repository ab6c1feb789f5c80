package io.depotops.sitepwrmon;

import static io.restassured.RestAssured.given;

import io.depotops.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the sitepwrmon tests share: tokens, workspaces and trees built through the API. */
public final class PowerFixtures {

    private PowerFixtures() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String token(String role, String... workspaces) {
        return DevTokens.token(role, workspaces);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin(String workspace) {
        return as(token("admin", workspace));
    }

    public static Map<String, Object> node(String site, String parent, String kind, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site);
        body.put("parentId", parent);
        body.put("kind", kind);
        body.put("name", name);
        body.put("voltageV", 230);
        return body;
    }

    public static Map<String, Object> charger(String site, String parent, String chargerId, List<String> phases) {
        Map<String, Object> body = node(site, parent, "CHARGER", "charger " + chargerId);
        body.put("chargerId", chargerId);
        body.put("chargerPhases", phases);
        return body;
    }

    /** Creates a node and answers its id. */
    public static String create(String workspace, Map<String, Object> body) {
        return admin(workspace)
                .body(body)
                .post("/api/v1/workspaces/{ws}/nodes", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A grid connection with the given limits (kW and A per phase, each may be null). */
    public static String root(String workspace, String site, Double limitKw, Double limitA) {
        Map<String, Object> body = node(site, null, "GRID_CONNECTION", "grid");
        body.put("limitKw", limitKw);
        if (limitA != null) {
            body.put("limitA", Map.of("l1", limitA, "l2", limitA, "l3", limitA));
        }
        return create(workspace, body);
    }
}
