package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.webhook.Api.Registered;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.recruitsuite.webhook.Api.as;
import static io.recruitsuite.webhook.Api.asKey;
import static io.recruitsuite.webhook.Api.deliveries;
import static io.recruitsuite.webhook.Api.register;
import static io.recruitsuite.webhook.Api.status;
import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publish;
import static io.recruitsuite.webhook.TestEvents.publishUpload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real Kafka and PostgreSQL, local receivers on loopback, the scaled retry schedule of the test profile. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    Pool pool;
    @Inject
    SecretBox secretBox;

    /** Node.js / Python snippets of seed 000: hex HMAC-SHA256 of the raw body keyed with the secret string, compared in constant time. */
    static boolean verifySeed(String secret, byte[] body, String signature) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(body));
        return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Standard Webhooks verification: key = base64 part of whsec_…, content = id.timestamp.body, any v1 entry may match. */
    static boolean verifyStandard(String secret, Receiver.Received got) throws Exception {
        String id = got.header("webhook-id");
        String timestamp = got.header("webhook-timestamp");
        if (id == null || timestamp == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(got.body());
        for (String entry : got.header("webhook-signature").split(" ")) {
            String[] parts = entry.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anEndpointCanStopTheReplayableLegacySignature() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            Registered endpoint = register(org, receiver.url(), List.of("document.upload"));
            as(org).get("/api/v1/webhooks/" + endpoint.id()).then().body("data.legacySignature", equalTo(true));
            as(org).contentType(ContentType.JSON).body(Map.of("legacySignature", "no")).patch("/api/v1/webhooks/" + endpoint.id())
                    .then().statusCode(400).body("error.code", equalTo("validation_error"));
            as(org).contentType(ContentType.JSON).body(Map.of("legacySignature", false)).patch("/api/v1/webhooks/" + endpoint.id())
                    .then().statusCode(200).body("data.legacySignature", equalTo(false));

            String eventId = publishUpload(org, "bob-cv.pdf");
            await("the upload delivered", Duration.ofSeconds(20), () -> !receiver.withBodyContaining(eventId).isEmpty());
            Receiver.Received got = receiver.withBodyContaining(eventId).get(0);
            assertNull(got.header("X-Webhook-Signature"), "no body-only signature once switched off");
            assertTrue(verifyStandard(endpoint.secret(), got), "the timestamped Standard Webhooks signature still comes");
        }
    }

    @Test
    void deliversSignedDocumentedPayloadsOfSubscribedTypesOnlyAndOncePerEvent() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver uploads = new Receiver(); Receiver everything = new Receiver()) {
            Registered endpoint = register(org, uploads.url(), List.of("document.upload"));
            Registered all = register(org, everything.url(), null);
            as(org).get("/api/v1/webhooks/" + all.id()).then().body("data.events", equalTo(List.of("*")));

            String eventId = publishUpload(org, "alice-cv.pdf");
            ObjectNode upload = TestEvents.uploadData(eventId, "alice-cv.pdf");
            publish(org, eventId, "document.upload", upload); // the same event again, as a replay would
            String searchId = UUID.randomUUID().toString();
            publish(org, searchId, "search.execute", MAPPER.createObjectNode().put("query", "nurse").put("resultCount", 3));
            String internalId = UUID.randomUUID().toString();
            // an internal event no endpoint may receive; a plan that keeps API access, so it holds nothing back
            // (a change to a plan without it holds the organization's deliveries: PlanWithoutApiAccessTest)
            publish(org, internalId, "organization.plan_changed", MAPPER.createObjectNode().put("newPlan", "enterprise").put("apiAccess", true));

            await("the upload at both endpoints and the search at the catch-all", Duration.ofSeconds(20), () ->
                    !uploads.withBodyContaining(eventId).isEmpty() && !everything.withBodyContaining(eventId).isEmpty()
                            && !everything.withBodyContaining(searchId).isEmpty());
            Receiver.Received got = uploads.withBodyContaining(eventId).get(0);

            assertEquals("application/json", got.header("Content-Type"));
            assertTrue(verifySeed(endpoint.secret(), got.body(), got.header("X-Webhook-Signature")), "seed 000 snippet accepts it");
            assertFalse(verifySeed(all.secret(), got.body(), got.header("X-Webhook-Signature")), "another endpoint's secret does not");
            assertTrue(verifyStandard(endpoint.secret(), got), "Standard Webhooks verification accepts it");
            assertEquals(eventId, got.header("webhook-id"));
            assertEquals(eventId, got.header("X-Webhook-Id"));
            assertEquals(1, got.header("webhook-signature").split(" ").length, "one signature outside a rotation");

            JsonNode payload = MAPPER.readTree(got.body());
            assertEquals(List.of("id", "type", "timestamp", "organizationId", "schemaVersion", "data"), fieldNames(payload));
            assertEquals(eventId, payload.path("id").asText());
            assertEquals("document.upload", payload.path("type").asText());
            assertEquals(org, payload.path("organizationId").asText());
            assertTrue(payload.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertEquals("alice-cv.pdf", payload.path("data").path("filename").asText());
            assertEquals("Alice Johnson", payload.path("data").path("candidateName").asText());
            assertEquals(2048, payload.path("data").path("fileSize").asInt());
            for (Receiver.Received r : everything.received) {
                assertFalse(r.text().contains("SECRET CV TEXT"), "the CV text never leaves");
                assertFalse(r.text().contains("alice@example.com"), "nor the email");
            }
            JsonNode search = MAPPER.readTree(everything.withBodyContaining(searchId).get(0).body());
            assertEquals(3, search.path("data").path("resultCount").asInt());

            Thread.sleep(1000);
            assertEquals(1, uploads.withBodyContaining(eventId).size(), "a replayed event is delivered once");
            assertEquals(1, everything.withBodyContaining(eventId).size());
            assertTrue(uploads.withBodyContaining(searchId).isEmpty(), "unsubscribed types are not delivered");
            assertTrue(everything.withBodyContaining(internalId).isEmpty(), "internal event types are never delivered");
            assertEquals(1, deliveries(org, endpoint.id()).getList("data").size(), "one queued delivery per (event, endpoint)");
        }
    }

    @Test
    void retriesOnTheScheduleThenSucceeds() {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.failNext.set(2);
            Registered endpoint = register(org, receiver.url(), null);
            String eventId = publishUpload(org, "retry.pdf");
            await("three attempts", Duration.ofSeconds(20), () -> receiver.withBodyContaining(eventId).size() == 3);
            await("succeeded", Duration.ofSeconds(10), () -> "succeeded".equals(deliveries(org, endpoint.id()).getString("data[0].status")));
            JsonPath log = deliveries(org, endpoint.id());
            assertEquals(3, log.getInt("data[0].attempts"));
            assertEquals(List.of(500, 500, 200), log.getList("data[0].attemptLog.statusCode"));
            assertEquals(200, log.getInt("data[0].lastStatus"));
            assertNotNull(log.getString("data[0].deliveredAt"));
            List<Receiver.Received> tries = receiver.withBodyContaining(eventId);
            // test schedule 1s, 1s, … with ±20% jitter
            assertTrue(tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis() >= 750, "first retry after ~1 s");
            assertTrue(tries.get(2).receivedAtMillis() - tries.get(1).receivedAtMillis() >= 750, "second retry after ~1 s");
            assertEquals(1, tries.stream().map(r -> r.header("webhook-id")).distinct().count(), "every retry keeps the webhook-id");
            assertEquals("active", status(org, endpoint.id()));
        }
    }

    @Test
    void retryAfterOfA503PushesTheNextAttemptLater() {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(503);
            receiver.retryAfter = "3";
            Registered endpoint = register(org, receiver.url(), null);
            String eventId = publishUpload(org, "busy.pdf");
            await("first attempt", Duration.ofSeconds(15), () -> receiver.withBodyContaining(eventId).size() == 1);
            receiver.status.set(200);
            receiver.retryAfter = null;
            await("the retry", Duration.ofSeconds(15), () -> receiver.withBodyContaining(eventId).size() == 2);
            List<Receiver.Received> tries = receiver.withBodyContaining(eventId);
            long gap = tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis();
            assertTrue(gap >= 2900, "Retry-After: 3 honoured over the 1 s schedule, waited " + gap + " ms");
            await("succeeded", Duration.ofSeconds(5), () -> "succeeded".equals(deliveries(org, endpoint.id()).getString("data[0].status")));
        }
    }

    @Test
    void pausesAfterFiveConsecutiveFailuresAndResumesOnEnableWithNothingLost() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(500);
            Registered endpoint = register(org, receiver.url(), null);
            String first = publishUpload(org, "one.pdf");
            String second = publishUpload(org, "two.pdf");
            await("a pause", Duration.ofSeconds(25), () -> "paused".equals(status(org, endpoint.id())));
            Thread.sleep(300); // attempts that were in flight when the fifth failure landed settle
            int attemptsWhenPaused = receiver.received.size();
            assertTrue(attemptsWhenPaused >= 5, "attempts before the pause: " + attemptsWhenPaused);
            String third = publishUpload(org, "three.pdf"); // queued while paused
            Thread.sleep(2000);
            assertEquals(attemptsWhenPaused, receiver.received.size(), "a paused endpoint gets nothing");

            JsonPath log = deliveries(org, endpoint.id());
            assertEquals(3, log.getInt("meta.total"));
            assertEquals(List.of("pending", "pending", "pending"), log.getList("data.status"), "pending deliveries are kept");
            assertEquals(500, log.getInt("data[1].attemptLog[0].statusCode"));
            assertEquals("status 500", log.getString("data[1].attemptLog[0].responseExcerpt"));
            assertNotNull(log.getString("data[1].attemptLog[0].attemptedAt"));
            assertTrue(log.getInt("data[1].attemptLog[0].latencyMs") >= 0);

            receiver.status.set(200);
            as(org).post("/api/v1/webhooks/" + endpoint.id() + "/enable").then().statusCode(200).body("data.status", equalTo("active"));
            await("all three after re-enabling", Duration.ofSeconds(15), () -> List.of(first, second, third).stream()
                    .allMatch(id -> receiver.received.stream().anyMatch(r -> r.text().contains(id) && r.text().contains("\"type\""))
                            && "succeeded".equals(deliveryStatus(org, endpoint.id(), id))));
            assertEquals(1, receiver.withBodyContaining(third).size());
        }
    }

    private static String deliveryStatus(String org, String endpointId, String eventId) {
        List<Map<String, Object>> data = deliveries(org, endpointId).getList("data");
        return data.stream().filter(d -> eventId.equals(d.get("eventId"))).map(d -> (String) d.get("status")).findFirst().orElse(null);
    }

    @Test
    void goneDisablesTheEndpointAndStopsDelivery() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(410);
            Registered endpoint = register(org, receiver.url(), null);
            publishUpload(org, "gone.pdf");
            await("disabled", Duration.ofSeconds(15), () -> "disabled".equals(status(org, endpoint.id())));
            String later = publishUpload(org, "later.pdf");
            Thread.sleep(1500);
            assertEquals(1, receiver.received.size(), "no retry after 410, and nothing new for a disabled endpoint");
            assertTrue(receiver.withBodyContaining(later).isEmpty());
            assertEquals("failed", deliveries(org, endpoint.id()).getString("data[0].status"));
        }
    }

    @Test
    void timeoutsAndDownReceiversAreLoggedFailuresAndNeverDelayOthers() {
        String org = TestTokens.newOrganizationId();
        try (Receiver slow = new Receiver(); Receiver fast = new Receiver()) {
            slow.delayMillis = 4000; // longer than the 2 s attempt time-out of the test profile
            Registered slowEndpoint = register(org, slow.url(), null);
            Registered downEndpoint = register(org, Receiver.downUrl(), null);
            register(org, fast.url(), null);
            long start = System.currentTimeMillis();
            String eventId = publishUpload(org, "many.pdf");
            await("the fast endpoint", Duration.ofSeconds(10), () -> !fast.withBodyContaining(eventId).isEmpty());
            long fastTook = fast.withBodyContaining(eventId).get(0).receivedAtMillis() - start;
            assertTrue(fastTook < 1500, "the fast endpoint was served in " + fastTook + " ms, not after the slow one's time-out");

            await("the time-out logged", Duration.ofSeconds(10), () -> deliveries(org, slowEndpoint.id()).getInt("data[0].attempts") >= 1
                    && deliveries(org, slowEndpoint.id()).getString("data[0].attemptLog[0].error") != null);
            JsonPath timedOut = deliveries(org, slowEndpoint.id());
            assertTrue(timedOut.getString("data[0].attemptLog[0].error").contains("timed out"), timedOut.prettify());
            assertNull(timedOut.get("data[0].attemptLog[0].statusCode"));
            int latency = timedOut.getInt("data[0].attemptLog[0].latencyMs");
            assertTrue(latency >= 1900 && latency < 3500, "cut at the 2 s attempt time-out: " + latency);
            assertEquals("pending", timedOut.getString("data[0].status"), "a time-out is retried");

            await("the refused connection logged", Duration.ofSeconds(10), () ->
                    deliveries(org, downEndpoint.id()).getString("data[0].attemptLog[0].error") != null);
            assertTrue(deliveries(org, downEndpoint.id()).getString("data[0].attemptLog[0].error").toLowerCase().contains("refused"));

            slow.delayMillis = 0;
            await("the slow endpoint's retry succeeds", Duration.ofSeconds(10), () ->
                    "succeeded".equals(deliveries(org, slowEndpoint.id()).getString("data[0].status")));
        }
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            Registered endpoint = register(org, receiver.url(), null);
            String newSecret = as(org).post("/api/v1/webhooks/" + endpoint.id() + "/rotate-secret").then().statusCode(200)
                    .body("data.secret", startsWith("whsec_")).extract().path("data.secret");
            assertFalse(newSecret.equals(endpoint.secret()));
            as(org).get("/api/v1/webhooks/" + endpoint.id()).then().body("data.secret", nullValue());
            String eventId = as(org).post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202)
                    .body("data.type", equalTo("webhook.test")).extract().path("data.eventId");
            await("the test event", Duration.ofSeconds(10), () -> !receiver.withBodyContaining(eventId).isEmpty());
            Receiver.Received got = receiver.withBodyContaining(eventId).get(0);
            assertTrue(verifySeed(newSecret, got.body(), got.header("X-Webhook-Signature")), "the seed scheme uses the new secret");
            String[] signatures = got.header("webhook-signature").split(" ");
            assertEquals(2, signatures.length, "both secrets sign during the overlap");
            assertTrue(verifyStandard(newSecret, got));
            assertTrue(verifyStandard(endpoint.secret(), got), "a receiver still on the old secret keeps verifying");
            JsonNode payload = MAPPER.readTree(got.body());
            assertEquals("webhook.test", payload.path("type").asText());
            assertEquals(List.of("message"), fieldNames(payload.path("data")));
        }
    }

    @Test
    void oneDeliveryShowsWhatWasSentToCallersWhoCanReadItAndDisablingStopsDeliveries() {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            Registered endpoint = register(org, receiver.url(), null);
            String eventId = as(org).post("/api/v1/webhooks/" + endpoint.id() + "/test").then().extract().path("data.eventId");
            await("delivered", Duration.ofSeconds(10), () -> "succeeded".equals(deliveries(org, endpoint.id()).getString("data[0].status")));
            String deliveryId = deliveries(org, endpoint.id()).getString("data[0].id");
            assertNull(deliveries(org, endpoint.id()).get("data[0].payload"), "the log leaves payloads out");
            String path = "/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + deliveryId;
            String sent = as(org).get(path).then().statusCode(200).body("data.eventId", equalTo(eventId))
                    .body("data.attemptLog[0].statusCode", equalTo(200)).body("data.payloadWithheld", nullValue())
                    .extract().path("data.payload");
            assertEquals(new String(receiver.withBodyContaining(eventId).get(0).body(), java.nio.charset.StandardCharsets.UTF_8), sent,
                    "the payload is the body as it was sent");
            // a key that reads less than the endpoint receives does not see the payload
            asKey(org, "webhooks:read").get(path).then().statusCode(200).body("data.payload", nullValue())
                    .body("data.payloadWithheld", equalTo(true));
            as(TestTokens.newOrganizationId()).get(path).then().statusCode(404);
            as(org).get("/api/v1/webhooks/" + endpoint.id() + "/deliveries/dlv_nope").then().statusCode(404)
                    .body("error.code", equalTo("not_found"));

            as(org).post("/api/v1/webhooks/" + endpoint.id() + "/disable").then().statusCode(200)
                    .body("data.status", equalTo("disabled")).body("data.statusReason", equalTo("disabled_by_user"));
            asKey(org, "webhooks:read").post("/api/v1/webhooks/" + endpoint.id() + "/disable").then().statusCode(403);
            as(org).post("/api/v1/webhooks/" + endpoint.id() + "/enable").then().statusCode(200)
                    .body("data.status", equalTo("active")).body("data.statusReason", nullValue());
        }
    }

    @Test
    void deliveryLogAndRedeliver() {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            Registered endpoint = register(org, receiver.url(), null);
            String eventId = as(org).post("/api/v1/webhooks/" + endpoint.id() + "/test").then().extract().path("data.eventId");
            await("first", Duration.ofSeconds(10), () -> receiver.withBodyContaining(eventId).size() == 1);
            await("logged", Duration.ofSeconds(10), () -> "succeeded".equals(deliveries(org, endpoint.id()).getString("data[0].status")));
            JsonPath log = deliveries(org, endpoint.id());
            assertEquals(1, log.getInt("meta.total"));
            assertEquals(eventId, log.getString("data[0].eventId"));
            assertEquals("webhook.test", log.getString("data[0].eventType"));
            assertEquals(200, log.getInt("data[0].attemptLog[0].statusCode"));
            assertEquals("status 200", log.getString("data[0].attemptLog[0].responseExcerpt"));
            String deliveryId = log.getString("data[0].id");
            as(org).post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                    .body("data.id", equalTo(deliveryId));
            await("second", Duration.ofSeconds(10), () -> receiver.withBodyContaining(eventId).size() == 2);
            await("two attempts logged", Duration.ofSeconds(5), () -> deliveries(org, endpoint.id()).getList("data[0].attemptLog").size() == 2);
            as(org).post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/dlv_nope/redeliver").then().statusCode(404)
                    .body("error.code", equalTo("not_found"));
        }
    }

    @Test
    void everyDeliveryChecksTheAddressAgain() {
        // an endpoint whose name resolved to a public address at creation and to a private one now:
        // stored directly, since the API itself refuses such a URL
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver("127.0.0.2")) {
            String id = "whk_" + UUID.randomUUID().toString().replace("-", "");
            pool.preparedQuery("insert into webhook_endpoints (id, organization_id, url, events, read_scopes, secret) "
                            + "values ($1, $2, $3, '{}', '{candidates:read}', $4)")
                    .execute(Tuple.of(id, org, receiver.url(), Buffer.buffer(secretBox.seal(Signatures.newSecret()))))
                    .await().atMost(Duration.ofSeconds(5));
            publishUpload(org, "rebind.pdf");
            await("the refusal logged", Duration.ofSeconds(10), () -> deliveries(org, id).getString("data[0].attemptLog[0].error") != null);
            assertTrue(deliveries(org, id).getString("data[0].attemptLog[0].error").contains("loopback"));
            assertTrue(receiver.received.isEmpty(), "no request reached the refused address");
        }
    }

    @Test
    void refusesPrivateTargetsAndBadInputInTheEnvelope() {
        String org = TestTokens.newOrganizationId();
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://127.0.0.2:8080/x",
                "http://[::ffff:127.0.0.2]/x", "http://192.168.1.10/x", "http://100.64.0.1/x", "http://0.0.0.0/x", "http://[fd00::1]/x")) {
            as(org).contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(400)
                    .body("error.code", equalTo("validation_error")).body("error.message", containsString("may not target"));
        }
        as(org).contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x")).post("/api/v1/webhooks").then().statusCode(400)
                .body("error.message", containsString("https"));
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://user:pass@127.0.0.1/x")).post("/api/v1/webhooks").then()
                .statusCode(400).body("error.message", containsString("credentials"));
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("document.upload", "everything")))
                .post("/api/v1/webhooks").then().statusCode(400).body("error.code", equalTo("validation_error"))
                .body("error.message", containsString("unknown event type 'everything'"));
        as(org).contentType(ContentType.JSON).body("{\"url\": 5}").post("/api/v1/webhooks").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
        as(org).contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1:9/x\", \"events\": \"document.upload\"}")
                .post("/api/v1/webhooks").then().statusCode(400).body("error.code", equalTo("validation_error"));
        as(org).contentType(ContentType.JSON).body("{}").post("/api/v1/webhooks").then().statusCode(400)
                .body("error.message", containsString("url"));
        as(org).contentType(ContentType.JSON).body("{not json").post("/api/v1/webhooks").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x", "description", "x".repeat(501)))
                .post("/api/v1/webhooks").then().statusCode(400).body("error.message", containsString("description"));
        as(org).get("/api/v1/webhooks?limit=1000").then().statusCode(400).body("error.code", equalTo("validation_error"));
        as(org).get("/api/v1/webhooks?page=abc").then().statusCode(400).body("error.message", containsString("page must be a whole number"));
        as(org).get("/api/v1/webhooks/whk_none/deliveries?limit=1e3").then().statusCode(400).body("error.code", equalTo("validation_error"));
        as(org).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0)).body("meta.total", equalTo(0));

        Registered endpoint = register(org, "http://127.0.0.1:9/x", List.of("document.upload"));
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://10.0.0.1/x")).patch("/api/v1/webhooks/" + endpoint.id())
                .then().statusCode(400).body("error.message", containsString("may not target"));
        as(org).contentType(ContentType.JSON).body(Map.of("events", List.of("nope"))).patch("/api/v1/webhooks/" + endpoint.id())
                .then().statusCode(400);
        as(org).get("/api/v1/webhooks/" + endpoint.id()).then().body("data.url", equalTo("http://127.0.0.1:9/x"))
                .body("data.events", equalTo(List.of("document.upload")));
        as(org).contentType(ContentType.JSON).body(Map.of("events", List.of("search.execute"), "description", "searches"))
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.events", equalTo(List.of("search.execute"))).body("data.description", equalTo("searches"));
    }

    @Test
    void organizationsAreKeptApartAndScopesEnforced() {
        String org = TestTokens.newOrganizationId();
        Registered endpoint = register(org, "http://127.0.0.1:9/x", null);
        String other = TestTokens.newOrganizationId();
        String base = "/api/v1/webhooks/" + endpoint.id();
        as(other).get(base).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(other).contentType(ContentType.JSON).body(Map.of("description", "mine")).patch(base).then().statusCode(404);
        as(other).post(base + "/rotate-secret").then().statusCode(404);
        as(other).post(base + "/enable").then().statusCode(404);
        as(other).post(base + "/test").then().statusCode(404);
        as(other).get(base + "/deliveries").then().statusCode(404);
        as(other).post(base + "/deliveries/dlv_x/redeliver").then().statusCode(404);
        as(other).delete(base).then().statusCode(404);
        as(other).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0));
        as(org).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(1)).body("data[0].secret", nullValue())
                .body("meta.page", equalTo(1)).body("meta.total", equalTo(1));

        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "webhooks:read"))).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/y")).post("/api/v1/webhooks").then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "candidates:read"))).get(base).then().statusCode(403);
        given().get(base).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged(org, "webhooks:read"))).get(base).then().statusCode(401);

        as(org).delete(base).then().statusCode(204);
        as(org).get(base).then().statusCode(404);
    }

    @Test
    void readyWithItsDatabaseWhateverTheBrokerDoesAndLiveWhileItsChannelIs() {
        // deliveries go on from the database queue while the broker is away: readiness waits for PostgreSQL only
        String ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).extract().asString();
        assertTrue(ready.toLowerCase().contains("postgresql"), ready);
        assertFalse(ready.toLowerCase().contains("kafka") || ready.contains("domain-events"), ready);
        // a consumer channel that failed for good still restarts the pod
        String live = given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP")).extract().asString();
        assertTrue(live.contains("domain-events"), live);
    }

    @Test
    void secretsAreEncryptedAtRest() {
        String org = TestTokens.newOrganizationId();
        Registered endpoint = register(org, "http://127.0.0.1:9/x", null);
        byte[] stored = pool.preparedQuery("select secret from webhook_endpoints where id = $1").execute(Tuple.of(endpoint.id()))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getBuffer(0).getBytes();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(endpoint.secret().substring(6)));
        assertEquals(endpoint.secret(), secretBox.open(endpoint.id(), stored));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
