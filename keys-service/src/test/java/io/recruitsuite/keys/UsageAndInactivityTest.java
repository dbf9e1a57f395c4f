package io.recruitsuite.keys;

import io.quarkus.vertx.VertxContextSupport;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.keys.keys.KeyLifecycleJobs;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.keys.KeysApi.addMember;
import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.recruitsuite.keys.KeysApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UsageAndInactivityTest {

    @Inject
    KeyLifecycleJobs jobs;
    @Inject
    Pool pool;

    @Test
    void batchedUsageSetsLastUsedAndMonthlyCounts() {
        String org = createOrganization("professional");
        addMember(org, "usr_ops", "member");
        String key = issueKeySecret(org, "jobs:read");
        String keyId = verify(key).extract().path("data.keyId");
        OffsetDateTime usedAt = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        Map<String, Object> report = Map.of("entries", List.of(
                Map.of("keyId", keyId, "organizationId", org, "requests", 40, "lastUsedAt", usedAt.minusMinutes(5).toString()),
                Map.of("keyId", keyId, "organizationId", org, "requests", 2, "lastUsedAt", usedAt.toString())));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(report).post("/internal/v1/usage").then().statusCode(200).body("data", equalTo(2));

        given().header("Authorization", TestTokens.bearer(TestTokens.session(org, "usr_ops", "member"))).get("/api/v1/keys")
                .then().statusCode(200).body("data[0].lastUsedAt", notNullValue());
        long requests = pool.preparedQuery("select requests from key_usage_monthly where organization_id = $1")
                .execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(42, requests);
        // the gateway restores a lost Redis quota counter from this count
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/usage/" + org + "/" + YearMonth.from(usedAt)).then().statusCode(200)
                .body("data.requests", equalTo(42)).body("data.month", equalTo(YearMonth.from(usedAt).toString()));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/usage/" + org + "/" + YearMonth.from(usedAt).minusMonths(1)).then().statusCode(200)
                .body("data.requests", equalTo(0));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService()))
                .get("/internal/v1/usage/" + org + "/2026-13").then().statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "jobs:read")))
                .get("/internal/v1/usage/" + org + "/" + YearMonth.from(usedAt)).then().statusCode(403);

        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "jobs:read"))).contentType(ContentType.JSON)
                .body(report).post("/internal/v1/usage").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("keyId", keyId)))).post("/internal/v1/usage").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
    }

    @Test
    void keysUnusedForThirtyDaysAreAnnouncedOnce() throws Throwable {
        String org = createOrganization("enterprise");
        String idle = issueKeySecret(org, "jobs:read");
        String busy = issueKeySecret(org, "jobs:read");
        pool.preparedQuery("update api_keys set created_at = now() - interval '31 days' where organization_id = $1")
                .execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(5));
        pool.preparedQuery("update api_keys set last_used_at = now() - interval '1 day' where prefix = $1")
                .execute(Tuple.of(busy.substring(0, 17))).await().atMost(Duration.ofSeconds(5));
        VertxContextSupport.subscribeAndAwait(() -> jobs.announceInactive());
        VertxContextSupport.subscribeAndAwait(() -> jobs.announceInactive());
        List<JsonNode> events = TestKafka.events(Topics.KEY_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("key.inactive")), Duration.ofSeconds(20));
        List<JsonNode> inactive = events.stream().filter(e -> e.path("type").asText().equals("key.inactive")).toList();
        assertEquals(1, inactive.size(), events.toString());
        assertEquals(idle.substring(0, 17), inactive.get(0).path("data").path("prefix").asText());
    }
}
