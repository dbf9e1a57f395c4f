package io.recruitsuite.keys;

import io.quarkus.vertx.VertxContextSupport;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.keys.keys.KeyLifecycleJobs;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.issueKey;
import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.recruitsuite.keys.KeysApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class KeyLifecycleTest {

    @Inject
    KeyLifecycleJobs jobs;

    @Test
    void createVerifyRevokeThenVerifyFailsAndTheRevocationIsPublished() {
        String org = createOrganization("enterprise");
        String key = issueKeySecret(org, "candidates:read", "search:read");
        String prefix = key.substring(0, 17);

        verify(key).body("data.valid", equalTo(true))
                .body("data.organizationId", equalTo(org))
                .body("data.prefix", equalTo(prefix))
                .body("data.plan", equalTo("enterprise"))
                .body("data.scopes", hasItems("candidates:read", "search:read"))
                .body("data.limits.organizationPerMinute", equalTo(60))
                .body("data.limits.searchPerMinute", equalTo(30))
                .body("data.limits.keyPerMinute", equalTo(300))
                .body("data.limits.keyPerHour", equalTo(6000))
                .body("data.limits.monthlyRequests", equalTo(-1));

        given().header("X-Operator-Token", TestTokens.operatorToken())
                .delete("/admin/v1/organizations/" + org + "/keys/" + prefix)
                .then().statusCode(200).body("data.status", equalTo("revoked")).body("data.key", nullValue());

        verify(key).body("data.valid", equalTo(false)).body("data.reason", equalTo("revoked"));

        List<JsonNode> events = TestKafka.events(Topics.KEY_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("key.revoked")), Duration.ofSeconds(20));
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("key.created")
                && e.path("data").path("prefix").asText().equals(prefix)), "key.created published");
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("key.revoked")
                && e.path("data").path("prefix").asText().equals(prefix)
                && e.path("organizationId").asText().equals(org)), "key.revoked published");
        assertTrue(events.stream().noneMatch(e -> e.toString().contains(key)), "no event carries the secret");
    }

    @Test
    void unknownKeysAndWrongSecretsFailTheSameWay() {
        String org = createOrganization("enterprise");
        String key = issueKeySecret(org, "candidates:read");
        String otherKeyWithSamePrefix = key.substring(0, 17) + io.recruitsuite.common.security.ApiKeyFormat.generate("live").substring(17);
        // the made-up key fails its checksum or its hash: invalid either way, never "revoked" or a hint
        verify(otherKeyWithSamePrefix).body("data.valid", equalTo(false)).body("data.reason", equalTo("invalid"));
        verify(io.recruitsuite.common.security.ApiKeyFormat.generate("live")).body("data.valid", equalTo(false)).body("data.reason", equalTo("invalid"));
        verify("rsa_live_short").body("data.valid", equalTo(false)).body("data.reason", equalTo("invalid"));
        verify("").body("data.valid", equalTo(false)).body("data.reason", equalTo("invalid"));
    }

    @Test
    void expiredKeysFailAndAreAnnouncedOnce() throws Throwable {
        String org = createOrganization("enterprise");
        String key = given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "scopes", List.of("jobs:read"),
                        "expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString()))
                .post("/admin/v1/organizations/" + org + "/keys").then().statusCode(201).extract().path("data.key");
        verify(key).body("data.valid", equalTo(true));
        Thread.sleep(2500);
        verify(key).body("data.valid", equalTo(false)).body("data.reason", equalTo("expired"));

        VertxContextSupport.subscribeAndAwait(() -> jobs.announceExpired());
        VertxContextSupport.subscribeAndAwait(() -> jobs.announceExpired());
        List<JsonNode> events = TestKafka.events(Topics.KEY_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("key.expired")), Duration.ofSeconds(20));
        assertTrue(events.stream().filter(e -> e.path("type").asText().equals("key.expired")).count() == 1,
                "exactly one key.expired event: " + events);
    }

    @Test
    void expiryInThePastIsRefused() {
        String org = createOrganization("enterprise");
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "scopes", List.of("jobs:read"), "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/admin/v1/organizations/" + org + "/keys")
                .then().statusCode(400).body("error.code", equalTo("validation_error")).body("error.message", containsString("expiresAt"));
    }

    @Test
    void planLimitsAreEnforced() {
        String free = createOrganization("free");
        issueKey(free, List.of("jobs:read")).statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.message", equalTo("Plan does not include API access"));

        String starter = createOrganization("starter");
        issueKey(starter, List.of("jobs:read")).statusCode(201);
        issueKey(starter, List.of("jobs:read")).statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.message", containsString("at most 1 active API key"));

        String professional = createOrganization("professional");
        String first = null;
        for (int i = 0; i < 5; i++) {
            String k = issueKey(professional, List.of("jobs:read")).statusCode(201).extract().path("data.key");
            first = first == null ? k : first;
        }
        issueKey(professional, List.of("jobs:read")).statusCode(403).body("error.message", containsString("at most 5 active API keys"));
        // revoking one frees a slot
        given().header("X-Operator-Token", TestTokens.operatorToken())
                .delete("/admin/v1/organizations/" + professional + "/keys/" + first.substring(0, 17)).then().statusCode(200);
        issueKey(professional, List.of("jobs:read")).statusCode(201);

        String enterprise = createOrganization("enterprise");
        for (int i = 0; i < 7; i++) {
            issueKey(enterprise, List.of("jobs:read")).statusCode(201);
        }
    }

    @Test
    void downgradingToFreeRevokesEveryKey() {
        String org = createOrganization("professional");
        String key = issueKeySecret(org, "jobs:read");
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("plan", "free")).patch("/admin/v1/organizations/" + org)
                .then().statusCode(200).body("data.plan", equalTo("free"));
        verify(key).body("data.valid", equalTo(false)).body("data.reason", equalTo("revoked"));
        List<JsonNode> events = TestKafka.events(Topics.KEY_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("organization.plan_changed")), Duration.ofSeconds(20));
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("organization.plan_changed")
                && e.path("data").path("newPlan").asText().equals("free")));
    }

    @Test
    void operatorApiNeedsTheOperatorCredential() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "plan", "enterprise"))
                .post("/admin/v1/organizations").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("X-Operator-Token", "not-the-operator-token").contentType(ContentType.JSON)
                .body(Map.of("name", "x", "plan", "enterprise"))
                .post("/admin/v1/organizations").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "plan", "platinum"))
                .post("/admin/v1/organizations").then().statusCode(400).body("error.code", equalTo("validation_error"));
    }

    @Test
    void verifyIsOnlyForTheGateway() {
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(TestTokens.newOrganizationId(), "candidates:read")))
                .contentType(ContentType.JSON).body(Map.of("key", "x"))
                .post("/internal/v1/keys/verify").then().statusCode(403).body("error.code", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(Map.of("key", "x"))
                .post("/internal/v1/keys/verify").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged("org_x", "internal:gateway")))
                .contentType(ContentType.JSON).body(Map.of("key", "x"))
                .post("/internal/v1/keys/verify").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }
}
