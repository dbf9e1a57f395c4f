package io.recruitsuite.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.recruitsuite.keys.KeysApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/account as an integrator's key sees it, and the operator's per-organization limits. */
@QuarkusTest
class AccountAndLimitsTest {

    private static String organization(String name, String plan) {
        return given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "plan", plan))
                .post("/admin/v1/organizations")
                .then().statusCode(201).extract().path("data.id");
    }

    /** The internal token the gateway forwards for this key: its organization and its prefix. */
    private static String asKey(String org, String key, String... scopes) {
        try {
            return TestTokens.bearer(Jwt.issuer(InternalToken.ISSUER)
                    .audience(InternalToken.AUDIENCE)
                    .subject("key:test")
                    .claim(InternalToken.ORGANIZATION, org)
                    .claim(InternalToken.KEY_PREFIX, key.substring(0, 17))
                    .claim(InternalToken.AUTH, InternalToken.AUTH_API_KEY)
                    .groups(Set.of(scopes))
                    .expiresIn(60)
                    .jws().algorithm(SignatureAlgorithm.ES256)
                    .sign(KeyUtils.decodePrivateKey(Files.readString(TestTokens.keysDir().resolve("internal-signing.pem")),
                            SignatureAlgorithm.ES256)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse account(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/account").then();
    }

    private static ValidatableResponse putLimits(String org, Object body) {
        return given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/organizations/" + org + "/limits").then();
    }

    private static void reportUsage(String org, String keyId, long requests) {
        Map<String, Object> report = Map.of("entries", List.of(Map.of("keyId", keyId, "organizationId", org, "requests", requests,
                "lastUsedAt", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString())));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(report).post("/internal/v1/usage").then().statusCode(200);
    }

    @Test
    void theAccountShowsOrganizationPlanWindowsUsageAndKeys() {
        String org = organization("Acme Recruiting", "professional");
        String key = issueKeySecret(org, "jobs:read");
        issueKeySecret(org, "candidates:read");
        String keyId = verify(key).extract().path("data.keyId");
        reportUsage(org, keyId, 42);
        YearMonth month = YearMonth.now(ZoneOffset.UTC);

        // a key with any scope reads its account
        account(asKey(org, key, "jobs:read")).statusCode(200)
                .body("data.organization.id", equalTo(org))
                .body("data.organization.name", equalTo("Acme Recruiting"))
                .body("data.plan", equalTo("professional"))
                .body("data.key.id", equalTo(keyId))
                .body("data.key.prefix", equalTo(key.substring(0, 17)))
                .body("data.key.scopes", equalTo(List.of("jobs:read")))
                .body("data.limits", hasSize(4))
                .body("data.limits[0].name", equalTo("organization-minute"))
                .body("data.limits[0].limit", equalTo(60))
                .body("data.limits[0].periodSeconds", equalTo(60))
                .body("data.limits[0].per", equalTo("organization"))
                .body("data.limits[0].appliesTo", equalTo("all"))
                .body("data.limits[0].source", equalTo("default"))
                .body("data.limits[1].name", equalTo("search-minute"))
                .body("data.limits[1].limit", equalTo(30))
                .body("data.limits[1].appliesTo", equalTo("search"))
                .body("data.limits[2].name", equalTo("key-minute"))
                .body("data.limits[2].limit", equalTo(300))
                .body("data.limits[2].per", equalTo("key"))
                .body("data.limits[3].name", equalTo("key-hour"))
                .body("data.limits[3].limit", equalTo(6000))
                .body("data.limits[3].periodSeconds", equalTo(3600))
                .body("data.usage.month", equalTo(month.toString()))
                .body("data.usage.requests", equalTo(42))
                .body("data.usage.quota", equalTo(10000))
                .body("data.usage.remaining", equalTo(9958))
                .body("data.usage.resetsAt", equalTo(month.plusMonths(1).atDay(1) + "T00:00:00Z"))
                .body("data.keys.active", equalTo(2))
                .body("data.keys.max", equalTo(5));
        String body = account(asKey(org, key, "jobs:read")).extract().asString();
        assertTrue(!body.contains(key.substring(17)) && !body.toLowerCase().contains("hash"), "no secret, no hash: " + body);
    }

    @Test
    void anUnlimitedPlanShowsNullsForItsQuotaAndKeyMaximum() {
        String org = organization("Big Corp", "enterprise");
        String key = issueKeySecret(org, "search:read");
        account(asKey(org, key, "search:read")).statusCode(200)
                .body("data.plan", equalTo("enterprise"))
                .body("data.usage.requests", equalTo(0))
                .body("data.usage.quota", nullValue())
                .body("data.usage.remaining", nullValue())
                .body("data.keys.active", equalTo(1))
                .body("data.keys.max", nullValue());
    }

    @Test
    void aKeySeesOnlyItsOwnOrganization() {
        String a = organization("Org A", "starter");
        String b = organization("Org B", "professional");
        String keyA = issueKeySecret(a, "jobs:read");
        String keyB = issueKeySecret(b, "jobs:read");
        issueKeySecret(b, "jobs:read");
        reportUsage(b, verify(keyB).extract().path("data.keyId"), 500);
        putLimits(b, Map.of("organizationPerMinute", 5)).statusCode(200);

        String bodyA = account(asKey(a, keyA, "jobs:read")).statusCode(200)
                .body("data.organization.id", equalTo(a))
                .body("data.organization.name", equalTo("Org A"))
                .body("data.plan", equalTo("starter"))
                .body("data.usage.requests", equalTo(0))
                .body("data.usage.quota", equalTo(1000))
                .body("data.keys.active", equalTo(1))
                .body("data.keys.max", equalTo(1))
                .body("data.limits[0].limit", equalTo(60))
                .extract().asString();
        assertTrue(!bodyA.contains(b) && !bodyA.contains("Org B") && !bodyA.contains(keyB.substring(0, 17)), bodyA);
        account(asKey(b, keyB, "jobs:read")).statusCode(200)
                .body("data.organization.name", equalTo("Org B"))
                .body("data.usage.requests", equalTo(500))
                .body("data.keys.active", equalTo(2))
                .body("data.limits[0].limit", equalTo(5))
                .body("data.limits[0].source", equalTo("organization"));
        // another organization's key prefix under one's own organization names no key
        account(asKey(a, keyB, "jobs:read")).statusCode(200)
                .body("data.organization.id", equalTo(a))
                .body("data.key", nullValue());
        // an organization that does not exist is a 404, not another's account
        account(asKey(TestTokens.newOrganizationId(), keyA, "jobs:read")).statusCode(404).body("error.code", equalTo("not_found"));
        account("").statusCode(401).body("error.code", equalTo("unauthorized"));
        // the account takes no parameters: a misspelt one is named, never ignored
        given().header("Authorization", asKey(a, keyA, "jobs:read")).get("/api/v1/account?organizationId=" + b)
                .then().statusCode(400).body("error.code", equalTo("validation_error"))
                .body("error.details[0].field", equalTo("organizationId"));
    }

    @Test
    void anOverrideChangesTheVerifiedWindowsAndIsAnnounced() {
        String org = organization("Throttled", "professional");
        String key = issueKeySecret(org, "search:read");

        given().header("X-Operator-Token", TestTokens.operatorToken()).get("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(200)
                .body("data.plan", equalTo("professional"))
                .body("data.planLimits.organizationPerMinute", equalTo(60))
                .body("data.overrides.organizationPerMinute", nullValue())
                .body("data.effective.keyPerHour", equalTo(6000))
                .body("data.updatedAt", nullValue());

        putLimits(org, Map.of("organizationPerMinute", 7, "keyPerHour", 100)).statusCode(200)
                .body("data.overrides.organizationPerMinute", equalTo(7))
                .body("data.overrides.searchPerMinute", nullValue())
                .body("data.overrides.keyPerHour", equalTo(100))
                .body("data.effective.organizationPerMinute", equalTo(7))
                .body("data.effective.searchPerMinute", equalTo(30))
                .body("data.effective.keyPerMinute", equalTo(300))
                .body("data.effective.keyPerHour", equalTo(100))
                .body("data.planLimits.organizationPerMinute", equalTo(60));
        verify(key).body("data.limits.organizationPerMinute", equalTo(7))
                .body("data.limits.searchPerMinute", equalTo(30))
                .body("data.limits.keyPerMinute", equalTo(300))
                .body("data.limits.keyPerHour", equalTo(100))
                .body("data.limits.monthlyRequests", equalTo(10000));
        account(asKey(org, key, "search:read")).statusCode(200)
                .body("data.limits[0].limit", equalTo(7)).body("data.limits[0].source", equalTo("organization"))
                .body("data.limits[1].limit", equalTo(30)).body("data.limits[1].source", equalTo("default"))
                .body("data.limits[3].limit", equalTo(100)).body("data.limits[3].source", equalTo("organization"));

        // a PUT replaces the overrides: what it leaves out is the plan's again
        putLimits(org, Map.of("searchPerMinute", 3)).statusCode(200)
                .body("data.effective.organizationPerMinute", equalTo(60))
                .body("data.effective.searchPerMinute", equalTo(3));
        verify(key).body("data.limits.organizationPerMinute", equalTo(60)).body("data.limits.searchPerMinute", equalTo(3));

        given().header("X-Operator-Token", TestTokens.operatorToken()).delete("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(200)
                .body("data.overrides.searchPerMinute", nullValue())
                .body("data.effective.searchPerMinute", equalTo(30));
        verify(key).body("data.limits.searchPerMinute", equalTo(30));

        // each change went out on the key events the gateways drop their cached verdicts on, with the windows it left
        List<JsonNode> events = TestKafka.events(Topics.KEY_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().equals("organization.limits_changed")).count() >= 3,
                Duration.ofSeconds(20));
        List<JsonNode> changes = events.stream().filter(e -> e.path("type").asText().equals("organization.limits_changed")).toList();
        assertEquals(3, changes.size(), changes.toString());
        assertEquals(7, changes.get(0).path("data").path("organizationPerMinute").asInt());
        assertEquals(100, changes.get(0).path("data").path("keyPerHour").asInt());
        assertEquals(3, changes.get(1).path("data").path("searchPerMinute").asInt());
        assertEquals(30, changes.get(2).path("data").path("searchPerMinute").asInt());
        assertEquals(org, changes.get(2).path("organizationId").asText());
    }

    @Test
    void badLimitsAreValidationErrorsInTheEnvelope() {
        String org = organization("Careful", "starter");
        putLimits(org, Map.of()).statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", containsString("at least one"));
        putLimits(org, Map.of("organizationPerMinute", 0, "keyPerHour", -5)).statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.details.field", equalTo(List.of("organizationPerMinute", "keyPerHour")))
                .body("error.details[0].issue", containsString("between 1 and"));
        putLimits(org, Map.of("keyPerMinute", 2_000_000)).statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.details[0].field", equalTo("keyPerMinute"));
        putLimits(org, "{\"organizationPerMinute\": \"ten\"}").statusCode(400).body("error.code", equalTo("validation_error"));
        putLimits(org, "{\"organizationPerMinute\": 1.5}").statusCode(400).body("error.code", equalTo("validation_error"));
        putLimits(org, "{\"organizationPerMinute\": 99999999999}").statusCode(400).body("error.code", equalTo("validation_error"));
        putLimits(org, "{\"orgPerMinute\": 5}").statusCode(400).body("error.code", equalTo("validation_error"))
                .body("error.message", containsString("orgPerMinute"));
        putLimits(org, "{\"organizationPerMinute\": 5").statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .put("/admin/v1/organizations/" + org + "/limits").then().statusCode(400).body("error.code", equalTo("validation_error"));
        putLimits(TestTokens.newOrganizationId(), Map.of("organizationPerMinute", 5)).statusCode(404).body("error.code", equalTo("not_found"));
        given().header("X-Operator-Token", TestTokens.operatorToken()).get("/admin/v1/organizations/org_nope/limits")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        given().contentType(ContentType.JSON).body(Map.of("organizationPerMinute", 5)).put("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        // nothing was stored by the refused requests
        given().header("X-Operator-Token", TestTokens.operatorToken()).get("/admin/v1/organizations/" + org + "/limits")
                .then().statusCode(200).body("data.overrides.organizationPerMinute", nullValue()).body("data.effective.organizationPerMinute", equalTo(60));
    }
}
