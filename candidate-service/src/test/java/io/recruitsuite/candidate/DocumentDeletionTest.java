package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DocumentDeletionTest {

    static String[] candidateWithCv(String org, String name) {
        var created = writer(org).body(Map.of("name", name, "cvText", name + ": welder, forklift licence, night shifts.", "filename", "cv.txt"))
                .post("/api/v1/candidates").then().statusCode(201).extract().jsonPath();
        return new String[] {created.getString("data.id"), created.getString("data.documents[0].id")};
    }

    @Test
    void deletingOneDocumentKeepsTheCandidateAndPublishesDocumentDeleted() {
        String org = TestTokens.newOrganizationId();
        String[] alice = candidateWithCv(org, "Alice Welder");
        String candidateId = alice[0];
        String documentId = alice[1];

        writer(org).delete("/api/v1/candidates/" + candidateId + "/documents/" + documentId).then().statusCode(204);

        as(org, "candidates:read").get("/api/v1/candidates/" + candidateId).then().statusCode(200)
                .body("data.name", equalTo("Alice Welder")).body("data.documents", hasSize(0));
        as(org, "candidates:read").get("/api/v1/candidates/" + candidateId + "/documents").then().statusCode(200).body("data", hasSize(0));
        // a second delete finds nothing
        writer(org).delete("/api/v1/candidates/" + candidateId + "/documents/" + documentId).then().statusCode(404)
                .body("error.code", equalTo("not_found"));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("document.deleted")), Duration.ofSeconds(60));
        List<JsonNode> deleted = events.stream().filter(e -> e.path("type").asText().equals("document.deleted")).toList();
        assertEquals(1, deleted.size(), "one event per deleted document: " + events);
        JsonNode event = deleted.get(0);
        assertEquals(org, event.path("organizationId").asText());
        assertEquals(1, event.path("schemaVersion").asInt());
        // exactly what search-service's indexer reads (Events.DOCUMENT_DELETED's record)
        assertEquals(Map.of("documentId", documentId, "candidateId", candidateId),
                Map.of("documentId", event.path("data").path("documentId").asText(), "candidateId", event.path("data").path("candidateId").asText()));
        assertEquals(2, event.path("data").size(), "ids only: " + event);
        assertTrue(events.indexOf(event) > events.indexOf(events.stream()
                .filter(e -> e.path("type").asText().equals("document.upload")).findFirst().orElseThrow()), "after the upload");
    }

    @Test
    void anotherOrganizationOrAnotherCandidateGets404AndNothingIsDeleted() {
        String org = TestTokens.newOrganizationId();
        String[] alice = candidateWithCv(org, "Alice Keeper");
        String[] bob = candidateWithCv(org, "Bob Keeper");
        String stranger = TestTokens.newOrganizationId();

        writer(stranger).delete("/api/v1/candidates/" + alice[0] + "/documents/" + alice[1]).then().statusCode(404)
                .body("error.code", equalTo("not_found"));
        // Bob's document through Alice's path, and ids that name nothing
        writer(org).delete("/api/v1/candidates/" + alice[0] + "/documents/" + bob[1]).then().statusCode(404)
                .body("error.code", equalTo("not_found"));
        writer(org).delete("/api/v1/candidates/" + alice[0] + "/documents/doc_doesnotexist").then().statusCode(404);
        writer(org).delete("/api/v1/candidates/cand_doesnotexist/documents/" + alice[1]).then().statusCode(404);
        as(org, "candidates:read").delete("/api/v1/candidates/" + alice[0] + "/documents/" + alice[1]).then().statusCode(403);

        as(org, "candidates:read").get("/api/v1/candidates/" + alice[0]).then().body("data.documents[0].id", equalTo(alice[1]));
        as(org, "candidates:read").get("/api/v1/candidates/" + bob[0]).then().body("data.documents[0].id", equalTo(bob[1]));

        // the organization's own delete then works, and only that one event was produced
        writer(org).delete("/api/v1/candidates/" + bob[0] + "/documents/" + bob[1]).then().statusCode(204);
        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("document.deleted")), Duration.ofSeconds(60));
        assertEquals(List.of(bob[1]), events.stream().filter(e -> e.path("type").asText().equals("document.deleted"))
                .map(e -> e.path("data").path("documentId").asText()).toList());
    }
}
