package io.recruitsuite.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Indexing from real Kafka events (the CVs from a stand-in candidate-service), search against real PostgreSQL/pgvector and Redis. */
@QuarkusTest
// applies to every @QuarkusTest of the module: the search-service's tests run without the candidate-service
@QuarkusTestResource(CandidateServiceStandIn.class)
class SearchTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;
    static final Map<String, String> CVS = Map.of(
            "Nadia Nurse", "Registered nurse with seven years on acute surgical wards: wound dressing, IV therapy, medication rounds, "
                    + "early-warning-score observations, mentoring newly qualified nurses.",
            "Carlo Chef", "Head chef of a ninety-cover Italian restaurant: seasonal menus, fresh pasta, food cost control, HACCP.",
            "Anna Accountant", "Chartered accountant: IFRS statutory accounts, consolidation, month-end close, SAP migration, audit.",
            "Dmitri Driver", "HGV class one lorry driver with twelve years of European routes, ADR hazardous goods, tachograph.",
            "Freya Frontend", "Senior frontend engineer: React, TypeScript, design systems, accessibility, GraphQL, Jest and Playwright.");

    static String publishUpload(String org, String name, String text, List<String> tags, String fileType) {
        String documentId = "doc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        publish(org, "document.upload", uploadData(org, documentId, name, text, tags, fileType), UUID.randomUUID().toString());
        return documentId;
    }

    /**
     * The data of a document.upload event as the candidate-service writes it (no text, no email), the CV itself put into
     * the stand-in candidate-service the indexer fetches it from.
     */
    static ObjectNode uploadData(String org, String documentId, String name, String text, List<String> tags, String fileType) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("documentId", documentId).put("candidateId", "cand_" + documentId.substring(4))
                .put("filename", name.toLowerCase().replace(' ', '-') + "." + fileType)
                .put("candidateName", name).put("candidateEmail", name.toLowerCase().replace(' ', '.') + "@example.com")
                .put("fileSize", text.length()).put("fileType", fileType).put("wordCount", text.split("\\s+").length)
                .put("uploadedAt", EventEnvelope.format(Instant.now())).put("text", text);
        data.set("tags", MAPPER.valueToTree(tags));
        data.putNull("stage");
        data.putArray("jobIds");
        return CandidateServiceStandIn.register(org, data);
    }

    static void publish(String org, String type, JsonNode data, String eventId) {
        TestKafka.publishAll(Topics.CANDIDATE_EVENTS, org, List.of(envelope(org, type, data, eventId)));
    }

    static TestKafka.Raw envelope(String org, String type, JsonNode data, String eventId) {
        try {
            EventEnvelope e = new EventEnvelope(eventId, type, EventEnvelope.format(Instant.now()), org, 1, data);
            return new TestKafka.Raw(eventId, type, MAPPER.writeValueAsString(e));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A search by a key with search:read and candidates:read (contact details shown), as the demo key and seed clients have. */
    static Response search(String org, Object body) {
        return searchWith(org, body, "search:read", "candidates:read");
    }

    static Response searchWith(String org, Object body, String... scopes) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, scopes)))
                .contentType(ContentType.JSON).body(body).post("/api/v1/search");
    }

    static Response awaitTotal(String org, String query, int total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Response r = null;
        while (System.nanoTime() < deadline) {
            r = search(org, Map.of("query", query, "limit", 50));
            if (r.statusCode() == 200 && ((Integer) r.path("meta.total")) == total) {
                return r;
            }
            sleep(300);
        }
        fail("index did not reach " + total + " documents: " + (r == null ? "" : r.asString()));
        return r;
    }

    static String seed(String org) {
        String nurse = null;
        for (var cv : CVS.entrySet()) {
            String id = publishUpload(org, cv.getKey(), cv.getValue(), cv.getKey().startsWith("Nadia") ? List.of("healthcare") : List.of(), "txt");
            if (cv.getKey().startsWith("Nadia")) {
                nurse = id;
            }
        }
        awaitTotal(org, "work experience", CVS.size());
        return nurse;
    }

    @Test
    void semanticQueryWithoutSharedKeywordsFindsTheRightCvFirstInTheDocumentedShape() {
        String org = TestTokens.newOrganizationId();
        String nurse = seed(org);
        Response r = search(org, Map.of("query", "someone to look after sick people in a clinic", "limit", 3));
        r.then().statusCode(200)
                .body("data", hasSize(3))
                .body("data[0].id", equalTo(nurse))
                .body("data[0].candidateName", equalTo("Nadia Nurse"))
                .body("data[0].candidateEmail", equalTo("nadia.nurse@example.com"))
                .body("data[0].filename", equalTo("nadia-nurse.txt"))
                .body("data[0].fileType", equalTo("txt"))
                .body("meta.page", equalTo(1)).body("meta.limit", equalTo(3)).body("meta.total", equalTo(CVS.size()));
        double similarity = ((Number) r.path("data[0].similarity")).doubleValue();
        double second = ((Number) r.path("data[1].similarity")).doubleValue();
        assertTrue(similarity > 0 && similarity <= 1 && similarity > second, similarity + " vs " + second);
        List<String> highlights = r.path("data[0].highlights");
        assertFalse(highlights.isEmpty());

        // keywords still count: the full-text half lifts an exact skill
        search(org, Map.of("query", "tachograph")).then().statusCode(200).body("data[0].candidateName", equalTo("Dmitri Driver"));
        search(org, Map.of("query", "React TypeScript developer")).then().body("data[0].candidateName", equalTo("Freya Frontend"));
    }

    @Test
    void modesChooseTheHalvesAndExplainShowsBoth() {
        String org = TestTokens.newOrganizationId();
        seed(org);
        // keyword: exact words only, so a CV without any of them is not a result at all
        search(org, Map.of("query", "tachograph", "mode", "keyword")).then().statusCode(200)
                .body("meta.total", equalTo(1)).body("data[0].candidateName", equalTo("Dmitri Driver"));
        // semantic: meaning without shared words; every CV is a candidate
        search(org, Map.of("query", "someone to look after sick people in a clinic", "mode", "semantic")).then().statusCode(200)
                .body("data[0].candidateName", equalTo("Nadia Nurse")).body("meta.total", equalTo(CVS.size()));
        // hybrid is the default; explain returns both halves' ranks and scores, and similarity is their weighted sum
        Response r = search(org, Map.of("query", "React TypeScript developer", "explain", true));
        r.then().statusCode(200).body("data[0].candidateName", equalTo("Freya Frontend"))
                .body("data[0].explain.semantic.rank", equalTo(1)).body("data[0].explain.keyword.rank", equalTo(1));
        List<Map<String, Object>> results = r.path("data");
        double previous = 1;
        for (Map<String, Object> result : results) {
            double similarity = ((Number) result.get("similarity")).doubleValue();
            assertTrue(similarity >= 0 && similarity <= previous, "similarity in 0..1 and never increasing: " + results);
            previous = similarity;
            @SuppressWarnings("unchecked")
            Map<String, Object> explain = (Map<String, Object>) result.get("explain");
            double weight = ((Number) explain.get("semanticWeight")).doubleValue();
            double semantic = score(explain.get("semantic"));
            double keyword = score(explain.get("keyword"));
            assertEquals(weight * semantic + (1 - weight) * keyword, similarity, 0.001, result.toString());
        }
        // without explain, no explanation in the response
        search(org, Map.of("query", "React TypeScript developer")).then().body("data[0]", not(hasKey("explain")));
        search(org, Map.of("query", "nurse", "mode", "fuzzy")).then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", containsString("mode"));
        search(org, Map.of("query", "nurse", "mode", 3)).then().statusCode(400).body("error.code", equalTo("validation_error"));
        search(org, Map.of("query", "nurse", "explain", "maybe")).then().statusCode(400).body("error.code", equalTo("validation_error"));
    }

    @Test
    void withoutCandidatesReadResultsCarryIdsAndScoresButNoPersonalData() {
        String org = TestTokens.newOrganizationId();
        String nurse = seed(org);
        Response redacted = searchWith(org, Map.of("query", "someone to look after sick people in a clinic", "limit", 3), "search:read");
        // the same shape and ranking, the personal fields null and no excerpts of the CV
        redacted.then().statusCode(200)
                .body("data", hasSize(3))
                .body("data[0].id", equalTo(nurse))
                .body("data[0].candidateId", equalTo("cand_" + nurse.substring(4)))
                .body("data[0]", hasKey("candidateName")).body("data[0].candidateName", nullValue())
                .body("data[0].candidateEmail", nullValue())
                .body("data[0].filename", nullValue())
                .body("data[0].highlights", hasSize(0))
                .body("data[0].fileType", equalTo("txt"))
                .body("meta.total", equalTo(CVS.size()));
        assertTrue(((Number) redacted.path("data[0].similarity")).doubleValue() > 0);
        // the query that pages through the whole index shows no name, email or CV text of anyone
        for (String query : List.of("'", "nurse", "Nadia Nurse", "tachograph")) {
            for (String mode : List.of("hybrid", "keyword", "semantic")) {
                String body = searchWith(org, Map.of("query", query, "limit", 50, "mode", mode, "explain", true), "search:read", "candidates:write")
                        .then().statusCode(200).extract().asString();
                for (String name : CVS.keySet()) {
                    assertFalse(body.contains(name.split(" ")[0]) || body.contains(name.toLowerCase().replace(' ', '.') + "@example.com")
                            || body.contains(name.toLowerCase().replace(' ', '-')), query + "/" + mode + " shows " + name + ": " + body);
                }
                for (String word : List.of("surgical", "tachograph", "TypeScript", "IFRS", "pasta")) {
                    assertFalse(body.contains(word), query + "/" + mode + " shows CV text: " + body);
                }
            }
        }
        // with candidates:read, unchanged
        search(org, Map.of("query", "someone to look after sick people in a clinic", "limit", 3)).then().statusCode(200)
                .body("data[0].candidateName", equalTo("Nadia Nurse")).body("data[0].candidateEmail", equalTo("nadia.nurse@example.com"))
                .body("data[0].filename", equalTo("nadia-nurse.txt")).body("data[0].highlights", not(hasSize(0)));
    }

    @Test
    void theOpenApiDocumentDescribesModeAndExplain() {
        // the gateway's aggregated document is merged from this one
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.SearchRequest.properties.mode.enum", equalTo(List.of("hybrid", "semantic", "keyword")))
                .body("components.schemas.SearchRequest.properties.explain.type", equalTo("boolean"))
                .body("components.schemas.SearchResult.properties.explain", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.SearchResult.properties.candidateName.description", containsString("candidates:read"))
                .body("components.schemas.SearchResult.properties.highlights.description", containsString("candidates:read"));
    }

    @SuppressWarnings("unchecked")
    private static double score(Object half) {
        return ((Number) ((Map<String, Object>) half).get("score")).doubleValue();
    }

    @Test
    void anotherOrganizationSeesNothingAndFiltersNarrowResults() {
        String org = TestTokens.newOrganizationId();
        seed(org);
        search(TestTokens.newOrganizationId(), Map.of("query", "nurse")).then().statusCode(200)
                .body("data", hasSize(0)).body("meta.total", equalTo(0));
        search(org, Map.of("query", "nurse", "filters", Map.of("tags", List.of("healthcare")))).then().statusCode(200)
                .body("meta.total", equalTo(1)).body("data[0].candidateName", equalTo("Nadia Nurse"));
        search(org, Map.of("query", "nurse", "filters", Map.of("fileType", "pdf"))).then().body("meta.total", equalTo(0));
        search(org, Map.of("query", "nurse", "filters", Map.of("uploadedAfter", "2999-01-01T00:00:00Z"))).then().body("meta.total", equalTo(0));
        search(org, Map.of("query", "experience", "limit", 2, "page", 3)).then().statusCode(200)
                .body("data", hasSize(1)).body("meta.page", equalTo(3));
    }

    @Test
    void anApplicationMadeAfterTheUploadPutsTheCvUnderItsJobFilter() {
        String org = TestTokens.newOrganizationId();
        String nurse = seed(org);
        String jobId = "job_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> byJob = Map.of("query", "nurse", "filters", Map.of("jobId", jobId));
        search(org, byJob).then().statusCode(200).body("meta.total", equalTo(0));
        ObjectNode application = MAPPER.createObjectNode().put("applicationId", "app_" + jobId.substring(4))
                .put("candidateId", "cand_" + nurse.substring(4)).put("jobId", jobId).put("stageId", "stg_1").put("stageName", "Applied");
        String eventId = UUID.randomUUID().toString();
        publish(org, "application.created", application, eventId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && ((Integer) search(org, byJob).path("meta.total")) == 0) {
            sleep(300);
        }
        search(org, byJob).then().statusCode(200).body("meta.total", equalTo(1)).body("data[0].id", equalTo(nurse));
        // a replay of the same event changes nothing
        publish(org, "application.created", application, eventId);
        search(org, byJob).then().body("meta.total", equalTo(1));
    }

    @Test
    void deletionRemovesAtOnceAndReplaysChangeNothing() {
        String org = TestTokens.newOrganizationId();
        String nurse = seed(org);
        // a duplicate of an already-applied event (same id) changes nothing
        ObjectNode gone = MAPPER.createObjectNode().put("documentId", nurse).put("candidateId", "cand_" + nurse.substring(4));
        String deleteId = UUID.randomUUID().toString();
        publish(org, "document.deleted", gone, deleteId);
        awaitTotal(org, "work experience", CVS.size() - 1);
        search(org, Map.of("query", "nurse on a surgical ward")).then().body("data.id", not(hasItem(nurse)));
        publish(org, "document.deleted", gone, deleteId);
        String extra = publishUpload(org, "Late Larry", "Forklift operator and warehouse picker.", List.of(), "txt");
        awaitTotal(org, "work experience", CVS.size());
        search(org, Map.of("query", "warehouse forklift")).then().body("data[0].id", equalTo(extra));

        ObjectNode candidate = MAPPER.createObjectNode().put("candidateId", "cand_" + extra.substring(4));
        publish(org, "candidate.deleted", candidate, UUID.randomUUID().toString());
        awaitTotal(org, "work experience", CVS.size() - 1);
        // an erased CV's words leave the BM25 statistics too (a rare word, a name, can be personal data)
        long forklift = pool.preparedQuery("select count(*) from search_term_stats where organization_id = $1 and lexeme = 'forklift'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(org)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(0, forklift, "no statistics row left for a word only the erased CV held");
    }

    @Test
    void searchesArePublished() {
        String org = TestTokens.newOrganizationId();
        seed(org);
        search(org, Map.of("query", "pasta and menus", "limit", 2)).then().statusCode(200);
        List<JsonNode> events = TestKafka.events(Topics.SEARCH_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("data").path("query").asText().equals("pasta and menus")), Duration.ofSeconds(20));
        JsonNode event = events.stream().filter(e -> e.path("data").path("query").asText().equals("pasta and menus")).findFirst().orElseThrow();
        assertEquals("search.execute", event.path("type").asText());
        assertEquals(CVS.size(), event.path("data").path("resultCount").asInt());
    }

    @Test
    void feedbackIsStoredAndPublishedForOwnDocumentsOnly() {
        String org = TestTokens.newOrganizationId();
        String nurse = seed(org);
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "search:read"))).contentType(ContentType.JSON)
                .body(Map.of("documentId", nurse, "isRelevant", true)).post("/api/v1/search/feedback")
                .then().statusCode(200).body("data.documentId", equalTo(nurse));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(TestTokens.newOrganizationId(), "search:read")))
                .contentType(ContentType.JSON).body(Map.of("documentId", nurse, "isRelevant", true)).post("/api/v1/search/feedback")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "search:read"))).contentType(ContentType.JSON)
                .body(Map.of("documentId", nurse)).post("/api/v1/search/feedback")
                .then().statusCode(400).body("error.code", equalTo("validation_error"));
        List<JsonNode> events = TestKafka.events(Topics.SEARCH_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("feedback.submit")), Duration.ofSeconds(20));
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("feedback.submit")
                && e.path("data").path("documentId").asText().equals(nurse) && e.path("data").path("isRelevant").asBoolean()));
    }

    @Test
    void badRequestsAreValidationErrorsInTheEnvelope() {
        String org = TestTokens.newOrganizationId();
        search(org, Map.of("query", "")).then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", equalTo("String must contain at least 1 character(s)"));
        search(org, Map.of("limit", 5)).then().statusCode(400).body("error.message", equalTo("String must contain at least 1 character(s)"));
        search(org, Map.of("query", "x".repeat(1001))).then().statusCode(400).body("error.code", equalTo("validation_error"));
        search(org, Map.of("query", "x", "limit", 0)).then().statusCode(400).body("error.message", containsString("limit"));
        search(org, Map.of("query", "x", "limit", 51)).then().statusCode(400).body("error.message", containsString("limit"));
        search(org, Map.of("query", "x", "limit", "ten")).then().statusCode(400).body("error.code", equalTo("validation_error"));
        search(org, "{\"query\": ").then().statusCode(400).body("error.code", equalTo("validation_error"));
        search(org, Map.of("query", "x", "filters", Map.of("uploadedAfter", "yesterday"))).then().statusCode(400);
        search(org, Map.of("query", "'; drop table search_chunks; --")).then().statusCode(200);
        search(org, Map.of("query", "!!! & | <-> :*")).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("query", "x")).post("/api/v1/search").then().statusCode(401)
                .body("error.code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, "candidates:read"))).contentType(ContentType.JSON)
                .body(Map.of("query", "x")).post("/api/v1/search").then().statusCode(403).body("error.code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged(org, "search:read"))).contentType(ContentType.JSON)
                .body(Map.of("query", "x")).post("/api/v1/search").then().statusCode(401);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
