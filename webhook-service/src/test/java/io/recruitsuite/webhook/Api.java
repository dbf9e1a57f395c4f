package io.recruitsuite.webhook;

import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The webhook API as a caller of one organization with webhooks:read and webhooks:write sees it, with the
 * read scopes of the data its endpoints carry (an endpoint receives only what its creator could read).
 */
public final class Api {

    private Api() {
    }

    public record Registered(String id, String secret) {
    }

    /** Every API-key read scope, so its endpoints may receive every type but the key events (dashboard sessions only). */
    public static final String[] READS = {"candidates:read", "search:read", "jobs:read", "pipeline:read", "applications:read"};

    public static RequestSpecification as(String org) {
        String[] scopes = java.util.stream.Stream.concat(java.util.Arrays.stream(READS), java.util.stream.Stream.of("webhooks:read", "webhooks:write"))
                .toArray(String[]::new);
        return asKey(org, scopes);
    }

    public static RequestSpecification asKey(String org, String... scopes) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, scopes)));
    }

    /** A dashboard owner's session with the scopes the gateway gives owners. */
    public static RequestSpecification asOwnerSession(String org) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.session(org, "usr_owner", "owner", "candidates:read",
                "candidates:write", "search:read", "jobs:read", "jobs:write", "pipeline:read", "pipeline:write", "applications:read",
                "applications:write", "webhooks:read", "webhooks:write")));
    }

    public static Registered register(String org, String url, List<String> events) {
        var response = as(org).contentType(ContentType.JSON).body(events == null ? Map.of("url", url) : Map.of("url", url, "events", events))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("data.id", startsWith("whk_"))
                .body("data.secret", startsWith("whsec_"))
                .body("data.status", equalTo("active"))
                .extract();
        return new Registered(response.path("data.id"), response.path("data.secret"));
    }

    public static JsonPath deliveries(String org, String endpointId) {
        return as(org).get("/api/v1/webhooks/" + endpointId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    public static String status(String org, String endpointId) {
        return as(org).get("/api/v1/webhooks/" + endpointId).then().statusCode(200).extract().path("data.status");
    }
}
