package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.create;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class NotesTest {

    @Test
    void notesAreAddedListedNewestFirstAndStayInTheirOrganization() {
        String org = TestTokens.newOrganizationId();
        String id = create(org, "Noted Person");
        writer(org).body(Map.of("body", "Strong on system design.")).post("/api/v1/candidates/" + id + "/notes").then().statusCode(201)
                .body("data.id", matchesPattern("note_[0-9A-Za-z]{20}"))
                .body("data.candidateId", equalTo(id))
                .body("data.author", equalTo("rsa_test_tst00000"));
        writer(org).body(Map.of("body", "  Wants to relocate.  ")).post("/api/v1/candidates/" + id + "/notes").then().statusCode(201)
                .body("data.body", equalTo("Wants to relocate."));
        writer(org).body(Map.of("body", "Third.")).post("/api/v1/candidates/" + id + "/notes").then().statusCode(201);

        as(org, "candidates:read").get("/api/v1/candidates/" + id + "/notes").then().statusCode(200)
                .body("data.body", equalTo(List.of("Third.", "Wants to relocate.", "Strong on system design.")))
                .body("meta.total", equalTo(3));
        String next = as(org, "candidates:read").get("/api/v1/candidates/" + id + "/notes?limit=2&cursor=").then().statusCode(200)
                .body("data", hasSize(2)).body("meta.hasMore", equalTo(true)).extract().path("meta.nextCursor");
        as(org, "candidates:read").get("/api/v1/candidates/" + id + "/notes?limit=2&cursor=" + next).then()
                .body("data.body", equalTo(List.of("Strong on system design."))).body("meta.hasMore", equalTo(false));

        writer(org).body(Map.of("body", " ")).post("/api/v1/candidates/" + id + "/notes").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
        writer(org).body(Map.of("body", "x".repeat(10_001))).post("/api/v1/candidates/" + id + "/notes").then().statusCode(400);
        writer(org).body("{\"body\": 3}").post("/api/v1/candidates/" + id + "/notes").then().statusCode(400);
        writer(org).body(Map.of("body", "x")).post("/api/v1/candidates/cand_missing/notes").then().statusCode(404);

        String other = TestTokens.newOrganizationId();
        as(other, "candidates:read").get("/api/v1/candidates/" + id + "/notes").then().statusCode(404).body("error.code", equalTo("not_found"));
        writer(other).body(Map.of("body", "Sneaky")).post("/api/v1/candidates/" + id + "/notes").then().statusCode(404);
        as(org, "candidates:read").contentType("application/json").body(Map.of("body", "x")).post("/api/v1/candidates/" + id + "/notes")
                .then().statusCode(403);
    }
}
