package io.recruitsuite.keys;

import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small client for the keys-service in tests, speaking its real HTTP API. */
final class KeysApi {

    private KeysApi() {
    }

    static String createOrganization(String plan) {
        return given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Org " + plan, "plan", plan))
                .post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
    }

    static ValidatableResponse issueKey(String org, List<String> scopes) {
        return given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "scopes", scopes))
                .post("/admin/v1/organizations/" + org + "/keys").then();
    }

    static String issueKeySecret(String org, String... scopes) {
        return issueKey(org, List.of(scopes)).statusCode(201).extract().path("data.key");
    }

    static ValidatableResponse verify(String key) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(Map.of("key", key))
                .post("/internal/v1/keys/verify").then().statusCode(200);
    }

    static void addMember(String org, String user, String role) {
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("userId", user, "role", role))
                .post("/admin/v1/organizations/" + org + "/members").then().statusCode(201);
    }
}
