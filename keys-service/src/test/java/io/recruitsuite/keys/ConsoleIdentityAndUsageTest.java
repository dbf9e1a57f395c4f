package io.recruitsuite.keys;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.security.ConsoleCredential;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.keys.usage.UsageService;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.recruitsuite.keys.KeysApi.createOrganization;
import static io.recruitsuite.keys.KeysApi.issueKeySecret;
import static io.recruitsuite.keys.KeysApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's sign-in lookup (which member is this person?) and the hourly usage it charts. */
@QuarkusTest
class ConsoleIdentityAndUsageTest {

    @Inject
    UsageService usage;

    private static RequestSpecification console() {
        return given().header(ConsoleCredential.HEADER, ConsoleCredential.fromFile(TestTokens.keysDir().resolve("console-token")).token());
    }

    private static void addMember(String org, String user, String role, String email, String subject) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", user, "role", role));
        if (email != null) {
            body.put("email", email);
        }
        if (subject != null) {
            body.put("identitySubject", subject);
        }
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON).body(body)
                .post("/admin/v1/organizations/" + org + "/members").then().statusCode(201);
    }

    @Test
    void aPersonIsFoundByTheProvidersSubjectOrByAVerifiedEmailOnly() {
        String org = createOrganization("professional");
        String email = "ada." + UUID.randomUUID() + "@example.com";
        addMember(org, "usr_ada", "admin", email.toUpperCase(), null);
        String subject = "kc-" + UUID.randomUUID();
        addMember(org, "usr_bob", "member", null, subject);

        // the email as the operator typed it is stored lower-cased, and matched when the provider verified it
        console().queryParam("subject", "kc-someone").queryParam("verifiedEmail", email).get("/internal/v1/identities/memberships")
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].organizationId", equalTo(org))
                .body("data[0].userId", equalTo("usr_ada")).body("data[0].role", equalTo("admin"));
        // no verified email: no match by email
        console().queryParam("subject", "kc-someone").get("/internal/v1/identities/memberships")
                .then().statusCode(200).body("data", empty());
        // by subject
        console().queryParam("subject", subject).get("/internal/v1/identities/memberships")
                .then().statusCode(200).body("data[0].userId", equalTo("usr_bob")).body("data[0].role", equalTo("member"));
        // a member bound to a subject is not taken over by another subject with the same verified email
        String taken = "taken." + UUID.randomUUID() + "@example.com";
        addMember(org, "usr_carol", "owner", taken, "kc-carol-" + UUID.randomUUID());
        console().queryParam("subject", "kc-mallory").queryParam("verifiedEmail", taken).get("/internal/v1/identities/memberships")
                .then().statusCode(200).body("data", empty());
    }

    @Test
    void onlyTheConsoleMayAskAndBadInputIsA400() {
        given().queryParam("subject", "x").get("/internal/v1/identities/memberships").then().statusCode(401)
                .body("error.code", equalTo("unauthorized"));
        given().header(ConsoleCredential.HEADER, "not-the-console-credential").queryParam("subject", "x")
                .get("/internal/v1/identities/memberships").then().statusCode(401);
        // the gateway's service token opens the gateway's routes, not this one
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).queryParam("subject", "x")
                .get("/internal/v1/identities/memberships").then().statusCode(401);
        console().get("/internal/v1/identities/memberships").then().statusCode(400).body("error.code", equalTo("validation_error"))
                .body("error.message", containsString("subject"));
        console().queryParam("subject", "x").queryParam("verifiedEmail", "not an email").get("/internal/v1/identities/memberships")
                .then().statusCode(400).body("error.message", containsString("email"));
        String org = createOrganization("professional");
        given().header("X-Operator-Token", TestTokens.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("userId", "usr_x", "role", "member", "email", "@@"))
                .post("/admin/v1/organizations/" + org + "/members").then().statusCode(400).body("error.details[0].field", equalTo("email"));
    }

    @Test
    void hourlyUsageCountsRequestsAndErrorsPerHourForTheCallersOrganizationOnly() {
        String org = createOrganization("professional");
        String other = createOrganization("professional");
        String keyId = verify(issueKeySecret(org, "jobs:read")).extract().path("data.keyId");
        String otherKeyId = verify(issueKeySecret(other, "jobs:read")).extract().path("data.keyId");
        OffsetDateTime thisHour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime earlier = thisHour.minusHours(3);
        Map<String, Object> report = Map.of("entries", List.of(
                entry(keyId, org, 10, 2, earlier),
                entry(keyId, org, 5, 1, earlier),
                entry(keyId, org, 7, 0, thisHour),
                entry(otherKeyId, other, 99, 99, thisHour)));
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(report).post("/internal/v1/usage").then().statusCode(200);

        var hours = given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org)))
                .queryParam("days", 1).get("/api/v1/usage")
                .then().statusCode(200).body("data.hours", hasSize(24)).extract().jsonPath();
        List<Map<String, Object>> series = hours.getList("data.hours");
        Map<String, Object> last = series.get(23);
        Map<String, Object> threeBefore = series.get(20);
        assertEquals(thisHour.toInstant(), OffsetDateTime.parse((String) last.get("hour")).toInstant());
        assertEquals(7, last.get("requests"));
        assertEquals(0, last.get("errors"));
        assertEquals(earlier.toInstant(), OffsetDateTime.parse((String) threeBefore.get("hour")).toInstant());
        assertEquals(15, threeBefore.get("requests"));
        assertEquals(3, threeBefore.get("errors"));
        assertEquals(0, series.get(10).get("requests"));

        // a dashboard session of the organization sees the same; the default is a week
        given().header("Authorization", TestTokens.bearer(TestTokens.session(org, "usr_any", "member"))).get("/api/v1/usage")
                .then().statusCode(200).body("data.hours", hasSize(7 * 24));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org))).queryParam("days", 0).get("/api/v1/usage")
                .then().statusCode(400).body("error.code", equalTo("validation_error"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org))).queryParam("days", "x").get("/api/v1/usage")
                .then().statusCode(400);
        given().get("/api/v1/usage").then().statusCode(401);
        // more errors than requests is a report no gateway sends
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(entry(keyId, org, 1, 2, thisHour)))).post("/internal/v1/usage").then().statusCode(400);
    }

    @Test
    void hoursOlderThanTheRetentionAreDropped() throws Throwable {
        String org = createOrganization("professional");
        String keyId = verify(issueKeySecret(org, "jobs:read")).extract().path("data.keyId");
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusDays(40);
        given().header("Authorization", TestTokens.bearer(TestTokens.gatewayService())).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(entry(keyId, org, 4, 0, old)))).post("/internal/v1/usage").then().statusCode(200);
        int purged = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> usage.purge());
        assertTrue(purged >= 1, "the 40-day-old hour is purged");
    }

    private static Map<String, Object> entry(String keyId, String org, int requests, int errors, OffsetDateTime hour) {
        return Map.of("keyId", keyId, "organizationId", org, "requests", requests, "errors", errors, "hour", hour.toString(),
                "lastUsedAt", hour.plusMinutes(5).toString());
    }

}
