package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CandidatesTest {

    private static final String CV = "Alice Johnson. Senior frontend engineer: eight years of React and TypeScript, "
            + "design systems, accessibility audits, GraphQL clients and mentoring.";

    static RequestSpecification as(String org, String... scopes) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.apiKey(org, scopes)));
    }

    static RequestSpecification writer(String org) {
        return as(org, "candidates:read", "candidates:write").contentType(ContentType.JSON);
    }

    static String create(String org, String name) {
        return writer(org).body(Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com"))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void createWithCvTextThenGetTheFullDetailAndTheEvents() {
        String org = TestTokens.newOrganizationId();
        String id = writer(org).body(Map.of("name", "Alice Johnson", "email", "alice@example.com", "tags", List.of("frontend"),
                        "cvText", CV, "filename", "alice-cv.txt"))
                .post("/api/v1/candidates")
                .then().statusCode(201)
                .body("data.id", matchesPattern("cand_[0-9A-Za-z]{20}"))
                .body("data.documents[0].id", matchesPattern("doc_[0-9A-Za-z]{20}"))
                .body("data.documents[0].wordCount", equalTo(CV.split("\\s+").length))
                .extract().path("data.id");

        as(org, "candidates:read").get("/api/v1/candidates/" + id)
                .then().statusCode(200)
                .body("data.name", equalTo("Alice Johnson"))
                .body("data.email", equalTo("alice@example.com"))
                .body("data.cvText", equalTo(CV))
                .body("data.documents[0].filename", equalTo("alice-cv.txt"))
                .body("data.documents[0].fileType", equalTo("txt"))
                .body("data.tags", equalTo(List.of("frontend")));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 2, Duration.ofSeconds(60));
        assertEquals(List.of("candidate.created", "document.upload"), events.stream().map(e -> e.path("type").asText()).toList());
        JsonNode upload = events.get(1);
        assertEquals(org, upload.path("organizationId").asText());
        assertEquals(id, upload.path("data").path("candidateId").asText());
        assertEquals("alice-cv.txt", upload.path("data").path("filename").asText());
        assertEquals("Alice Johnson", upload.path("data").path("candidateName").asText());
        // the topic carries no CV text and no email: search reads them from /internal/v1 when it indexes
        assertTrue(upload.path("data").path("text").isMissingNode(), "no CV text in the event: " + upload);
        assertTrue(upload.path("data").path("candidateEmail").isMissingNode(), "no email in the document event: " + upload);
        assertFalse(upload.toString().contains("React and TypeScript"), "no excerpt of the CV either");
        assertTrue(upload.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void anotherOrganizationGets404AndNeverSeesTheData() {
        String orgA = TestTokens.newOrganizationId();
        String orgB = TestTokens.newOrganizationId();
        String id = create(orgA, "Private Person");
        as(orgB, "candidates:read").get("/api/v1/candidates/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
        writer(orgB).body(Map.of("name", "Hijacked")).patch("/api/v1/candidates/" + id).then().statusCode(404);
        writer(orgB).delete("/api/v1/candidates/" + id).then().statusCode(404);
        as(orgB, "candidates:read").get("/api/v1/candidates?search=Private").then().statusCode(200).body("data", hasSize(0))
                .body("meta.total", equalTo(0));
        as(orgA, "candidates:read").get("/api/v1/candidates/" + id).then().statusCode(200).body("data.name", equalTo("Private Person"));
    }

    @Test
    void updateAndDeleteWriteTheirEvents() {
        String org = TestTokens.newOrganizationId();
        String id = writer(org).body(Map.of("name", "Bob Stone", "cvText", "Welder with ten years of TIG and MIG experience."))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("tags", List.of("shortlist"));
        patch.put("phone", "+1-555-0100");
        writer(org).body(patch).patch("/api/v1/candidates/" + id).then().statusCode(200)
                .body("data.tags", equalTo(List.of("shortlist"))).body("data.phone", equalTo("+1-555-0100"))
                .body("data.name", equalTo("Bob Stone"));
        writer(org).delete("/api/v1/candidates/" + id).then().statusCode(204);
        as(org, "candidates:read").get("/api/v1/candidates/" + id).then().statusCode(404);

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("candidate.deleted")), Duration.ofSeconds(60));
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("candidate.created", "document.upload", "candidate.updated", "document.update", "candidate.deleted"), types);
        JsonNode update = events.get(3).path("data");
        assertEquals("tags", update.path("field").asText());
        assertEquals("shortlist", update.path("newValue").get(0).asText());
        JsonNode deleted = events.get(4).path("data");
        assertEquals(id, deleted.path("candidateId").asText());
        assertEquals(1, deleted.path("documentIds").size());
    }

    @Test
    void pagesAndCursorsStayStableWhileRowsAreInserted() {
        String org = TestTokens.newOrganizationId();
        for (int i = 0; i < 7; i++) {
            create(org, "Person " + i);
        }
        as(org, "candidates:read").get("/api/v1/candidates?page=2&limit=3").then().statusCode(200)
                .body("data", hasSize(3)).body("meta.page", equalTo(2)).body("meta.limit", equalTo(3)).body("meta.total", equalTo(7));
        as(org, "candidates:read").get("/api/v1/candidates").then().statusCode(200)
                .body("meta.limit", equalTo(20)).body("meta.page", equalTo(1)).body("data", hasSize(7));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            var page = as(org, "candidates:read").get("/api/v1/candidates?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract();
            seen.addAll(page.path("data.name"));
            pages++;
            if (pages == 1) {
                create(org, "Inserted After First Page");
            }
            if (!(Boolean) page.path("meta.hasMore")) {
                assertEquals(null, (Object) page.path("meta.nextCursor"));
                break;
            }
            cursor = page.path("meta.nextCursor");
        }
        assertEquals(7, seen.size(), "every original row exactly once: " + seen);
        assertEquals(7, seen.stream().distinct().count());
        assertFalse(seen.contains("Inserted After First Page"));
        assertEquals("Person 6", seen.get(0));
    }

    @Test
    void filtersSearchByNameOrEmailAndTag() {
        String org = TestTokens.newOrganizationId();
        writer(org).body(Map.of("name", "Carla Diaz", "email", "carla@ex.org", "tags", List.of("nurse"))).post("/api/v1/candidates").then().statusCode(201);
        writer(org).body(Map.of("name", "Dan Roe", "email", "dan@ex.org")).post("/api/v1/candidates").then().statusCode(201);
        as(org, "candidates:read").get("/api/v1/candidates?search=carla").then().body("data", hasSize(1)).body("data[0].name", equalTo("Carla Diaz"));
        as(org, "candidates:read").get("/api/v1/candidates?search=DAN@EX").then().body("data", hasSize(1));
        as(org, "candidates:read").get("/api/v1/candidates?search=%25").then().statusCode(200).body("data", hasSize(0));
        // PostgreSQL refuses a NUL in text: any filter carrying one is the client's error, never a 500
        for (String filter : List.of("search=%ff%fe%00", "search=a%00b", "tag=x%00", "stage=%00", "createdAfter=%00", "job=job_%00")) {
            as(org, "candidates:read").urlEncodingEnabled(false).get("/api/v1/candidates?" + filter)
                    .then().statusCode(400).body("error.code", equalTo("validation_error"));
        }
        as(org, "candidates:read").get("/api/v1/candidates?tag=nurse").then().body("data", hasSize(1));
        as(org, "candidates:read").get("/api/v1/candidates?createdAfter=2999-01-01T00:00:00Z").then().body("data", hasSize(0));
        // pattern characters are literal: '_' is not "any character", '!' is not an escape
        writer(org).body(Map.of("name", "Eve_Ann!", "email", "eve@ex.org", "tags", List.of("nurse"))).post("/api/v1/candidates").then().statusCode(201);
        as(org, "candidates:read").get("/api/v1/candidates?search=_").then().body("data.name", equalTo(List.of("Eve_Ann!")));
        as(org, "candidates:read").get("/api/v1/candidates?search=n!").then().body("data.name", equalTo(List.of("Eve_Ann!")));
        // filters combine, in pages and after a cursor, newest first, with the total of what matches
        as(org, "candidates:read").get("/api/v1/candidates?tag=nurse&createdAfter=2000-01-01T00:00:00Z&limit=1")
                .then().body("data.name", equalTo(List.of("Eve_Ann!"))).body("meta.total", equalTo(2));
        String cursor = as(org, "candidates:read").get("/api/v1/candidates?tag=nurse&limit=1&cursor=").then().statusCode(200)
                .body("data.name", equalTo(List.of("Eve_Ann!"))).extract().path("meta.nextCursor");
        as(org, "candidates:read").get("/api/v1/candidates?tag=nurse&limit=1&cursor=" + cursor).then()
                .body("data.name", equalTo(List.of("Carla Diaz"))).body("meta.hasMore", equalTo(false));
    }

    @Test
    void badInputIsAValidationErrorAndStoresNothing() {
        String org = TestTokens.newOrganizationId();
        writer(org).body(Map.of("email", "x@example.com")).post("/api/v1/candidates").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", containsString("name"));
        writer(org).body(Map.of("name", "X", "email", "not-an-email")).post("/api/v1/candidates").then().statusCode(400);
        writer(org).body(Map.of("name", "X", "cvText", "   ")).post("/api/v1/candidates").then().statusCode(400);
        writer(org).body(Map.of("name", "x".repeat(201))).post("/api/v1/candidates").then().statusCode(400);
        writer(org).body("{\"name\": [1]}").post("/api/v1/candidates").then().statusCode(400).body("error.code", equalTo("validation_error"));
        writer(org).body("{\"name\": \"X\"").post("/api/v1/candidates").then().statusCode(400).body("error.code", equalTo("validation_error"));
        writer(org).body("[]").post("/api/v1/candidates").then().statusCode(400).body("error.code", equalTo("validation_error"));
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "page=0", "page=-1", "page=1&cursor=x", "cursor=%%%",
                "cursor=bm90LWEtY3Vyc29y", "createdAfter=yesterday", "limit=99999999999999")) {
            as(org, "candidates:read").get("/api/v1/candidates?" + query).then().statusCode(400)
                    .body("error.code", equalTo("validation_error"));
        }
        as(org, "candidates:read").get("/api/v1/candidates").then().body("meta.total", equalTo(0));
        as(org, "candidates:read").get("/api/v1/candidates/..%2F..%2Fetc").then().statusCode(not(equalTo(500)));
        as(org, "candidates:read").get("/api/v1/candidates/cand_doesnotexist").then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void scopesAndTokensAreEnforced() {
        String org = TestTokens.newOrganizationId();
        as(org, "candidates:read").contentType(ContentType.JSON).body(Map.of("name", "X")).post("/api/v1/candidates")
                .then().statusCode(403).body("error.code", equalTo("forbidden"));
        as(org, "jobs:read").get("/api/v1/candidates").then().statusCode(403).body("error.code", equalTo("forbidden"));
        given().get("/api/v1/candidates").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged(org, "candidates:read"))).get("/api/v1/candidates")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.expired(org, "candidates:read"))).get("/api/v1/candidates")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/candidates").then().statusCode(401)
                .body("error.code", equalTo("unauthorized")).body("error.message", not(nullValue()));
    }
}
