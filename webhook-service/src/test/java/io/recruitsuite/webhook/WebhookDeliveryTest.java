package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Real Kafka and PostgreSQL, local receivers on 127.0.0.1, the scaled retry schedule of the test profile. */
@QuarkusTest
class WebhookDeliveryTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static RequestSpecification as(String org) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "webhooks:read", "webhooks:write")));
    }

    static Map<String, String> register(String org, String url, List<String> events) {
        var response = as(org).contentType(ContentType.JSON).body(events == null ? Map.of("url", url) : Map.of("url", url, "events", events))
                .post("/api/v1/webhooks").then().statusCode(201).body("data.secret", startsWith("whsec_")).extract();
        return Map.of("id", response.path("data.id"), "secret", response.path("data.secret"));
    }

    static String publishUpload(String org, String filename) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode data = MAPPER.createObjectNode().put("documentId", "doc_" + eventId.substring(0, 8)).put("candidateId", "cand_x")
                .put("filename", filename).put("candidateName", "Alice Johnson").put("candidateEmail", "alice@example.com")
                .put("fileSize", 2048).put("fileType", "pdf").put("wordCount", 450).put("uploadedAt", EventEnvelope.format(Instant.now()))
                .put("text", "SECRET CV TEXT that must never leave");
        publish(org, eventId, "document.upload", data);
        return eventId;
    }

    static void publish(String org, String eventId, String type, ObjectNode data) {
        try {
            String topic = type.startsWith("search.") ? Topics.SEARCH_EVENTS : Topics.CANDIDATE_EVENTS;
            TestKafka.publish(topic, org, eventId, type,
                    MAPPER.writeValueAsString(new EventEnvelope(eventId, type, EventEnvelope.format(Instant.now()), org, 1, data)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("timed out waiting for " + what);
    }

    static String hmacHex(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static String standard(String secret, String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void deliversSignedDocumentedPayloadsOfSubscribedTypesOnly() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            var endpoint = register(org, receiver.url(), List.of("document.upload"));
            String eventId = publishUpload(org, "alice-cv.pdf");
            ObjectNode search = MAPPER.createObjectNode().put("query", "nurse").put("resultCount", 3);
            publish(org, UUID.randomUUID().toString(), "search.execute", search);
            // the same event twice: one delivery
            await("the delivery", Duration.ofSeconds(30), () -> !receiver.withBodyContaining(eventId).isEmpty());
            Receiver.Received got = receiver.withBodyContaining(eventId).get(0);

            // seed 000: hex HMAC-SHA256 of the raw body, keyed with the secret string, compared in constant time
            assertEquals(hmacHex(endpoint.get("secret"), got.body()), got.header("X-Webhook-Signature"));
            // Standard Webhooks
            assertEquals(eventId, got.header("webhook-id"));
            long timestamp = Long.parseLong(got.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60);
            assertEquals(standard(endpoint.get("secret"), eventId, got.header("webhook-timestamp"), got.body()), got.header("webhook-signature"));

            var payload = MAPPER.readTree(got.body());
            assertEquals(eventId, payload.path("id").asText());
            assertEquals("document.upload", payload.path("type").asText());
            assertEquals(org, payload.path("organizationId").asText());
            assertTrue(payload.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertEquals("alice-cv.pdf", payload.path("data").path("filename").asText());
            assertEquals("Alice Johnson", payload.path("data").path("candidateName").asText());
            assertEquals(2048, payload.path("data").path("fileSize").asInt());
            assertFalse(got.text().contains("SECRET CV TEXT"), "the CV text never leaves");
            assertFalse(got.text().contains("alice@example.com"), "nor the email");

            Thread.sleep(1500);
            assertEquals(1, receiver.withBodyContaining(eventId).size(), "one delivery per event");
            assertTrue(receiver.withBodyContaining("search.execute").isEmpty(), "unsubscribed types are not delivered");
        }
    }

    @Test
    void retriesThenPausesAfterFiveFailuresAndResumesOnEnableWithNothingLost() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(500);
            var endpoint = register(org, receiver.url(), null);
            String first = publishUpload(org, "one.pdf");
            String second = publishUpload(org, "two.pdf");
            await("five failed attempts and a pause", Duration.ofSeconds(40), () -> "paused".equals(
                    as(org).get("/api/v1/webhooks/" + endpoint.get("id")).then().extract().path("data.status")));
            int attemptsWhenPaused = receiver.received.size();
            assertTrue(attemptsWhenPaused >= 5, "attempts before pause: " + attemptsWhenPaused);
            Thread.sleep(2500);
            assertEquals(attemptsWhenPaused, receiver.received.size(), "a paused endpoint gets nothing");

            // the delivery log shows the failed attempts with status and excerpt
            as(org).get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries").then().statusCode(200)
                    .body("data", hasSize(2))
                    .body("data[0].status", equalTo("pending"))
                    .body("data[0].attemptLog[0].statusCode", equalTo(500))
                    .body("data[0].attemptLog[0].responseExcerpt", equalTo("status 500"));

            receiver.status.set(200);
            as(org).post("/api/v1/webhooks/" + endpoint.get("id") + "/enable").then().statusCode(200).body("data.status", equalTo("active"));
            await("both deliveries after re-enabling", Duration.ofSeconds(20), () ->
                    receiver.received.stream().anyMatch(r -> r.text().contains(first) && r.header("X-Webhook-Signature") != null)
                            && receiver.withBodyContaining(second).size() >= 2);
            await("delivered state", Duration.ofSeconds(10), () -> as(org).get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries")
                    .then().extract().<List<String>>path("data.status").stream().allMatch("succeeded"::equals));
        }
    }

    @Test
    void goneDisablesTheEndpoint() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(410);
            var endpoint = register(org, receiver.url(), null);
            publishUpload(org, "gone.pdf");
            await("disabled", Duration.ofSeconds(30), () -> "disabled".equals(
                    as(org).get("/api/v1/webhooks/" + endpoint.get("id")).then().extract().path("data.status")));
            assertEquals(1, receiver.received.size(), "no retry after 410");
        }
    }

    @Test
    void aSlowEndpointDoesNotDelayAnother() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver slow = new Receiver(); Receiver fast = new Receiver()) {
            slow.delayMillis = 7000;
            register(org, slow.url(), null);
            register(org, fast.url(), null);
            long start = System.nanoTime();
            String eventId = publishUpload(org, "both.pdf");
            await("the fast endpoint", Duration.ofSeconds(20), () -> !fast.withBodyContaining(eventId).isEmpty());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 6000, "fast endpoint served before the slow one timed out");
        }
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            var endpoint = register(org, receiver.url(), null);
            String newSecret = as(org).post("/api/v1/webhooks/" + endpoint.get("id") + "/rotate-secret").then().statusCode(200)
                    .body("data.secret", startsWith("whsec_")).extract().path("data.secret");
            assertFalse(newSecret.equals(endpoint.get("secret")));
            String eventId = as(org).post("/api/v1/webhooks/" + endpoint.get("id") + "/test").then().statusCode(202)
                    .body("data.type", equalTo("webhook.test")).extract().path("data.eventId");
            await("the test event", Duration.ofSeconds(20), () -> !receiver.withBodyContaining(eventId).isEmpty());
            Receiver.Received got = receiver.withBodyContaining(eventId).get(0);
            assertEquals(hmacHex(newSecret, got.body()), got.header("X-Webhook-Signature"));
            String[] signatures = got.header("webhook-signature").split(" ");
            assertEquals(2, signatures.length);
            assertEquals(standard(newSecret, eventId, got.header("webhook-timestamp"), got.body()), signatures[0]);
            assertEquals(standard(endpoint.get("secret"), eventId, got.header("webhook-timestamp"), got.body()), signatures[1]);
            assertTrue(got.text().contains("\"type\":\"webhook.test\""));
        }
    }

    @Test
    void redeliverSendsAgain() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            var endpoint = register(org, receiver.url(), null);
            String eventId = as(org).post("/api/v1/webhooks/" + endpoint.get("id") + "/test").then().extract().path("data.eventId");
            await("first", Duration.ofSeconds(20), () -> receiver.withBodyContaining(eventId).size() == 1);
            await("logged", Duration.ofSeconds(10), () -> "succeeded".equals(as(org).get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries")
                    .then().extract().path("data[0].status")));
            String deliveryId = as(org).get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries").then().extract().path("data[0].id");
            as(org).post("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
            await("second", Duration.ofSeconds(20), () -> receiver.withBodyContaining(eventId).size() == 2);
        }
    }

    @Test
    void refusesPrivateTargetsAndBadInputAndKeepsOrganizationsApart() {
        String org = TestTokens.newOrganizationId();
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://127.0.0.2:8080/x",
                "http://[::ffff:127.0.0.2]/x", "http://192.168.1.10/x", "http://100.64.0.1/x", "http://0.0.0.0/x")) {
            as(org).contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(400)
                    .body("error.code", equalTo("validation_error")).body("error.message", containsString("may not target"));
        }
        as(org).contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x")).post("/api/v1/webhooks").then().statusCode(400);
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://user:pass@127.0.0.1/x")).post("/api/v1/webhooks").then().statusCode(400);
        as(org).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("everything")))
                .post("/api/v1/webhooks").then().statusCode(400).body("error.message", containsString("unknown event type"));
        as(org).contentType(ContentType.JSON).body("{\"url\": 5}").post("/api/v1/webhooks").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));

        var endpoint = register(org, "http://127.0.0.1:9/x", null);
        String other = TestTokens.newOrganizationId();
        as(other).get("/api/v1/webhooks/" + endpoint.get("id")).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(other).delete("/api/v1/webhooks/" + endpoint.get("id")).then().statusCode(404);
        as(other).post("/api/v1/webhooks/" + endpoint.get("id") + "/test").then().statusCode(404);
        as(other).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(0));
        as(org).get("/api/v1/webhooks").then().statusCode(200).body("data", hasSize(1)).body("data[0].secret", nullValue());
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "webhooks:read"))).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/y")).post("/api/v1/webhooks").then().statusCode(403);
        as(org).delete("/api/v1/webhooks/" + endpoint.get("id")).then().statusCode(204);
    }
}
