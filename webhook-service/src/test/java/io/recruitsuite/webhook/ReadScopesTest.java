package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.recruitsuite.webhook.Api.as;
import static io.recruitsuite.webhook.Api.asKey;
import static io.recruitsuite.webhook.Api.asOwnerSession;
import static io.recruitsuite.webhook.Api.deliveries;
import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publish;
import static io.recruitsuite.webhook.TestEvents.publishUpload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An endpoint receives only the event types and fields its creator's scopes could read (issue 22, point 7):
 * subscriptions are checked against the caller's read scopes, deliveries are filtered and stripped of
 * contact details by the scopes recorded on the endpoint, and checked again at every attempt
 * ({@link EndpointScopesMigrationTest}: what existing endpoints got).
 */
@QuarkusTest
class ReadScopesTest {

    /** What an endpoint made by {@link Api#as} records: the key's read scopes. */
    static final List<String> RECORDED = java.util.stream.Stream.concat(Arrays.stream(Api.READS), java.util.stream.Stream.of("webhooks:read")).toList();

    @Inject
    Pool pool;

    static String create(io.restassured.specification.RequestSpecification as, String url, List<String> events) {
        return as.contentType(ContentType.JSON).body(events == null ? Map.of("url", url) : Map.of("url", url, "events", events))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void aSubscriptionToATypeTheCallerCannotReadIsRefusedNamingTypeAndScope() {
        String org = TestTokens.newOrganizationId();
        String url = "http://127.0.0.1:9/x";
        for (var refused : Map.of("candidate.created", "candidates:read", "document.upload", "candidates:read or search:read",
                "search.execute", "search:read", "job.created", "jobs:read", "application.created", "applications:read",
                "key.created", "keys:read").entrySet()) {
            asKey(org, "webhooks:read", "webhooks:write").contentType(ContentType.JSON)
                    .body(Map.of("url", url, "events", List.of("webhook.test", refused.getKey()))).post("/api/v1/webhooks")
                    .then().statusCode(403).body("error.code", equalTo("forbidden"))
                    .body("error.message", allOf(containsString("'" + refused.getKey() + "'"), containsString(refused.getValue())));
        }
        // an unknown type is still a validation error, before any scope question
        asKey(org, "webhooks:write").contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("everything")))
                .post("/api/v1/webhooks").then().statusCode(400).body("error.code", equalTo("validation_error"));
        // the wildcard is every type the caller can read: accepted, with the caller's read scopes recorded
        asKey(org, "webhooks:read", "webhooks:write", "candidates:write").contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("*"))).post("/api/v1/webhooks").then().statusCode(201)
                .body("data.events", equalTo(List.of("*"))).body("data.readScopes", equalTo(List.of("webhooks:read")));
        asKey(org, "webhooks:write", "search:read").contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("document.upload", "search.execute"))).post("/api/v1/webhooks")
                .then().statusCode(201).body("data.readScopes", equalTo(List.of("search:read")));
        // a dashboard session reads the organization's keys, so it may subscribe to key events; an API key may not
        asOwnerSession(org).contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("key.created")))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("data.readScopes", equalTo(List.of("candidates:read", "search:read", "jobs:read", "pipeline:read",
                        "applications:read", "webhooks:read", "keys:read")));
        as(org).contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("key.created"))).post("/api/v1/webhooks")
                .then().statusCode(403).body("error.message", containsString("keys:read"));
    }

    @Test
    void whoeverRePointsAnEndpointGetsNoMoreThereThanTheyCouldRead() {
        String org = TestTokens.newOrganizationId();
        String id = create(as(org), "http://127.0.0.1:9/a", List.of("candidate.created", "job.created"));
        String path = "/api/v1/webhooks/" + id;
        var hooksOnly = asKey(org, "webhooks:read", "webhooks:write");
        // a webhooks-only key cannot redirect candidate events to itself, nor subscribe to them
        hooksOnly.contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/attacker")).patch(path)
                .then().statusCode(403).body("error.message", allOf(containsString("'candidate.created'"), containsString("candidates:read")));
        asKey(org, "webhooks:write").contentType(ContentType.JSON).body(Map.of("events", List.of("candidate.created"))).patch(path)
                .then().statusCode(403);
        as(org).get(path).then().body("data.url", equalTo("http://127.0.0.1:9/a"))
                .body("data.readScopes", equalTo(RECORDED));
        // a change that does not move the data keeps the recorded scopes
        asKey(org, "webhooks:write").contentType(ContentType.JSON).body(Map.of("description", "renamed")).patch(path)
                .then().statusCode(200).body("data.readScopes", equalTo(RECORDED));
        // a wildcard endpoint re-pointed by a narrower caller narrows to what that caller reads
        as(org).contentType(ContentType.JSON).body(Map.of("events", List.of("*"))).patch(path).then().statusCode(200);
        asKey(org, "webhooks:write", "jobs:read").contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/b")).patch(path)
                .then().statusCode(200).body("data.readScopes", equalTo(List.of("jobs:read")));
    }

    @Test
    void deliveriesCarryOnlyTheTypesAndFieldsTheCreatorCouldRead() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver full = new Receiver(); Receiver searchOnly = new Receiver(); Receiver hooksOnly = new Receiver();
             Receiver session = new Receiver()) {
            String fullId = create(as(org), full.url(), null);
            String searchId = create(asKey(org, "webhooks:write", "search:read"), searchOnly.url(), null);
            String hooksId = create(asKey(org, "webhooks:read", "webhooks:write"), hooksOnly.url(), List.of("*"));
            String sessionId = create(asOwnerSession(org), session.url(), null);

            String candidate = UUID.randomUUID().toString();
            publish(org, candidate, "candidate.created", MAPPER.createObjectNode().put("candidateId", "cand_1").put("name", "Alice Johnson")
                    .put("email", "alice@example.com").put("phone", "+44 1").set("tags", MAPPER.createArrayNode()));
            String upload = publishUpload(org, "alice-johnson-cv.pdf");
            String search = UUID.randomUUID().toString();
            publish(org, search, "search.execute", MAPPER.createObjectNode().put("query", "alice johnson nurse").put("resultCount", 1));
            String key = UUID.randomUUID().toString();
            publish(org, key, "key.created", MAPPER.createObjectNode().put("keyId", "key_1").put("prefix", "rsa_live_ab12")
                    .put("name", "ci").put("createdBy", "usr_1").set("scopes", MAPPER.createArrayNode().add("search:read")));
            String job = UUID.randomUUID().toString();
            publish(org, job, "job.created", MAPPER.createObjectNode().put("jobId", "job_1").put("title", "Nurse").put("status", "open"));

            // fan-out queues every endpoint's delivery of an event in one statement: once these arrived, all were queued
            await("everything at the full endpoint, the key event at the session's", Duration.ofSeconds(30), () ->
                    List.of(candidate, upload, search, job).stream().allMatch(e -> !full.withBodyContaining(e).isEmpty())
                            && !session.withBodyContaining(key).isEmpty()
                            && !searchOnly.withBodyContaining(upload).isEmpty() && !searchOnly.withBodyContaining(search).isEmpty());

            // with candidates:read (and search:read) the documented payloads, unchanged
            JsonNode fullUpload = body(full, upload);
            assertEquals("Alice Johnson", fullUpload.path("candidateName").asText());
            assertEquals("alice-johnson-cv.pdf", fullUpload.path("filename").asText());
            assertEquals("Alice Johnson", body(full, candidate).path("name").asText());
            assertEquals("alice johnson nurse", body(full, search).path("query").asText());
            assertTrue(full.withBodyContaining(key).isEmpty(), "no API key reads keys, so its endpoint gets no key events");

            // search:read alone: the document as search shows it (ids, type, size, time), the query's count but not its text
            JsonNode redactedUpload = body(searchOnly, upload);
            assertFalse(redactedUpload.has("candidateName") || redactedUpload.has("filename"), redactedUpload.toString());
            assertEquals(List.of("documentId", "fileSize", "candidateId", "fileType", "wordCount", "uploadedAt"), fields(redactedUpload));
            JsonNode redactedSearch = body(searchOnly, search);
            assertEquals(1, redactedSearch.path("resultCount").asInt());
            assertFalse(redactedSearch.has("query"), redactedSearch.toString());
            for (Receiver.Received r : searchOnly.received) {
                assertFalse(r.text().contains("Alice") || r.text().contains("alice"), "no name, file name or query text: " + r.text());
            }
            assertTrue(searchOnly.withBodyContaining(candidate).isEmpty() && searchOnly.withBodyContaining(job).isEmpty());

            // webhooks scopes alone read nothing: nothing queued at all
            Thread.sleep(500);
            assertTrue(hooksOnly.received.isEmpty(), "a webhooks-only endpoint receives no domain event");
            assertEquals(0, queued(hooksId));
            assertEquals(2, queued(searchId));
            assertEquals(4, queued(fullId));
            assertEquals(5, queued(sessionId));
            // webhook.test still reaches every endpoint
            asKey(org, "webhooks:write").post("/api/v1/webhooks/" + hooksId + "/test").then().statusCode(202);
            await("the test event", Duration.ofSeconds(15), () -> !hooksOnly.withBodyContaining("webhook.test").isEmpty());
        }
    }

    @Test
    void whatWasQueuedBeforeTheScopesNarrowedIsCheckedAgainAtDelivery() throws Exception {
        String org = TestTokens.newOrganizationId();
        try (Receiver receiver = new Receiver()) {
            String id = create(as(org), receiver.url(), null);
            // paused: events are queued, nothing is sent
            pool.preparedQuery("update webhook_endpoints set status = 'paused' where id = $1").execute(Tuple.of(id))
                    .await().atMost(Duration.ofSeconds(5));
            String candidate = UUID.randomUUID().toString();
            publish(org, candidate, "candidate.created", MAPPER.createObjectNode().put("candidateId", "cand_2").put("name", "Alice Johnson")
                    .set("tags", MAPPER.createArrayNode()));
            String upload = publishUpload(org, "alice-johnson-cv.pdf");
            await("both queued", Duration.ofSeconds(20), () -> queued(id) == 2);
            assertTrue(receiver.received.isEmpty());

            // a caller with search:read only takes the endpoint over (same URL), then re-enables it
            asKey(org, "webhooks:write", "search:read").contentType(ContentType.JSON).body(Map.of("url", receiver.url()))
                    .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("data.readScopes", equalTo(List.of("search:read")));
            asKey(org, "webhooks:write").post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200);

            await("the upload sent", Duration.ofSeconds(20), () -> !receiver.withBodyContaining(upload).isEmpty());
            JsonNode sent = body(receiver, upload);
            assertFalse(sent.has("candidateName") || sent.has("filename"), "queued with contact details, sent without: " + sent);
            await("the candidate event settled", Duration.ofSeconds(20), () -> deliveries(org, id).getList("data.status").stream()
                    .noneMatch("pending"::equals));
            assertTrue(receiver.withBodyContaining(candidate).isEmpty(), "a type the scopes no longer read is withheld");
            JsonPath log = deliveries(org, id);
            int i = log.getList("data.eventType").indexOf("candidate.created");
            assertEquals("failed", log.getString("data[" + i + "].status"));
            assertTrue(log.getString("data[" + i + "].attemptLog[0].error").startsWith("withheld"), log.prettify());
            as(org).get("/api/v1/webhooks/" + id).then().body("data.status", equalTo("active"));
        }
    }

    private int queued(String endpointId) {
        return pool.preparedQuery("select count(*) from webhook_deliveries where endpoint_id = $1").execute(Tuple.of(endpointId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getInteger(0);
    }

    private static JsonNode body(Receiver receiver, String eventId) throws Exception {
        return MAPPER.readTree(receiver.withBodyContaining(eventId).get(0).body()).path("data");
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
