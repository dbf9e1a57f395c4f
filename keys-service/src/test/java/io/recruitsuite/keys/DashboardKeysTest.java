package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.recruitsuite.keys.KeysApi.addMember;
import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DashboardKeysTest {

    private static String session(String org, String user, String role) {
        return TestTokens.bearer(TestTokens.session(org, user, role));
    }

    @Test
    void adminCreatesListsAndRevokesKeysAndTheSecretIsShownOnce() {
        String org = createOrganization("enterprise");
        addMember(org, "usr_alice", "admin");
        String auth = session(org, "usr_alice", "admin");

        String key = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "ATS sync", "scopes", List.of("candidates:read", "jobs:read")))
                .post("/api/v1/keys")
                .then().statusCode(201)
                .body("data.key", matchesPattern("rsa_test_[0-9A-Za-z]{38}"))
                .body("data.status", equalTo("active"))
                .body("data.createdBy", equalTo("usr_alice"))
                .extract().path("data.key");
        String prefix = key.substring(0, 17);

        String listed = given().header("Authorization", auth).get("/api/v1/keys")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].prefix", equalTo(prefix))
                .body("data[0].name", equalTo("ATS sync"))
                .body("data[0].key", nullValue())
                .extract().asString();
        Assertions.assertFalse(listed.contains(key.substring(17)), "no secret in the list");
        Assertions.assertFalse(listed.toLowerCase().contains("hash"), "no hash in the list");

        given().header("Authorization", auth).delete("/api/v1/keys/" + prefix)
                .then().statusCode(200).body("data.status", equalTo("revoked"));
        verify(key).body("data.valid", equalTo(false)).body("data.reason", equalTo("revoked"));
        given().header("Authorization", auth).delete("/api/v1/keys/" + prefix).then().statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void badRequestsAreValidationErrors() {
        String org = createOrganization("enterprise");
        addMember(org, "usr_owner", "owner");
        String auth = session(org, "usr_owner", "owner");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopes", List.of("candidates:read", "admin:everything")))
                .post("/api/v1/keys").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", containsString("admin:everything"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopes", List.of()))
                .post("/api/v1/keys").then().statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"scopes\": ")
                .post("/api/v1/keys").then().statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"name\": 12, \"scopes\": \"jobs:read\"}")
                .post("/api/v1/keys").then().statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("Authorization", auth).delete("/api/v1/keys/../../admin").then().statusCode(not(equalTo(500)));
        given().header("Authorization", auth).delete("/api/v1/keys/rsa_live_nope").then().statusCode(404);
        // seed 001's scope names are accepted and kept under ours; a misspelt field is named
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "migrated", "scopes", List.of("tests:read", "stages:write", "candidates:read")))
                .post("/api/v1/keys").then().statusCode(201)
                .body("data.scopes", equalTo(List.of("assessments:read", "pipeline:write", "candidates:read")));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scope", List.of("candidates:read")))
                .post("/api/v1/keys").then().statusCode(400)
                .body("error.details[0].field", equalTo("scope")).body("error.details[0].issue", containsString("did you mean 'scopes'"));
    }

    @Test
    void membersMayListButNotManageAndApiKeysMayDoNeither() {
        String org = createOrganization("enterprise");
        addMember(org, "usr_bob", "member");
        given().header("Authorization", session(org, "usr_bob", "member")).get("/api/v1/keys").then().statusCode(200);
        given().header("Authorization", session(org, "usr_bob", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopes", List.of("jobs:read")))
                .post("/api/v1/keys").then().statusCode(403).body("error.code", equalTo("forbidden"))
                .body("error.message", containsString("owners and admins"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "candidates:read")))
                .get("/api/v1/keys").then().statusCode(403).body("error.message", containsString("dashboard session"));
        given().header("Authorization", session(org, "usr_stranger", "owner")).get("/api/v1/keys").then().statusCode(403);
        given().get("/api/v1/keys").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    @Test
    void anotherOrganizationsKeyCannotBeRevoked() {
        String orgA = createOrganization("enterprise");
        String orgB = createOrganization("enterprise");
        addMember(orgB, "usr_mallory", "owner");
        String key = KeysApi.issueKeySecret(orgA, "jobs:read");
        given().header("Authorization", session(orgB, "usr_mallory", "owner")).delete("/api/v1/keys/" + key.substring(0, 17))
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        verify(key).body("data.valid", equalTo(true));
        given().header("Authorization", session(orgB, "usr_mallory", "owner")).get("/api/v1/keys")
                .then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void removingAMemberRevokesTheKeysTheyCreated() {
        String org = createOrganization("enterprise");
        addMember(org, "usr_carol", "admin");
        addMember(org, "usr_dave", "admin");
        String carols = given().header("Authorization", session(org, "usr_carol", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "carol's", "scopes", List.of("jobs:read"))).post("/api/v1/keys")
                .then().statusCode(201).extract().path("data.key");
        String daves = given().header("Authorization", session(org, "usr_dave", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "dave's", "scopes", List.of("jobs:read"))).post("/api/v1/keys")
                .then().statusCode(201).extract().path("data.key");

        given().header("X-Operator-Token", TestTokens.operatorToken())
                .delete("/admin/v1/organizations/" + org + "/members/usr_carol")
                .then().statusCode(200).body("data.revokedKeys", equalTo(1));

        verify(carols).body("data.valid", equalTo(false)).body("data.reason", equalTo("revoked"));
        verify(daves).body("data.valid", equalTo(true));
        // and carol's dashboard token no longer manages keys
        given().header("Authorization", session(org, "usr_carol", "admin")).get("/api/v1/keys").then().statusCode(403);
        // the gateway learns it for every other route from the member standing
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/organizations/" + org + "/members/usr_carol").then().statusCode(200)
                .body("data.member", equalTo(false));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/organizations/" + org + "/members/usr_dave").then().statusCode(200)
                .body("data.member", equalTo(true)).body("data.role", equalTo("admin"))
                .body("data.plan", equalTo("enterprise")).body("data.apiAccess", equalTo(true));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/organizations/org_nope/members/usr_dave").then().statusCode(200)
                .body("data.member", equalTo(false));
        given().header("Authorization", session(org, "usr_dave", "admin"))
                .get("/internal/v1/organizations/" + org + "/members/usr_dave").then().statusCode(403);
    }
}
