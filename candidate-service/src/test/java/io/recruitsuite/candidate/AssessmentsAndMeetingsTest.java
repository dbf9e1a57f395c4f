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
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.ApplicationsTest.apply;
import static io.recruitsuite.candidate.ApplicationsTest.candidate;
import static io.recruitsuite.candidate.ApplicationsTest.job;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AssessmentsAndMeetingsTest {

    static RequestSpecification assessments(String org) {
        return as(org, "assessments:read", "assessments:write").contentType(ContentType.JSON);
    }

    static RequestSpecification meetings(String org) {
        return as(org, "meetings:read", "meetings:write").contentType(ContentType.JSON);
    }

    @Test
    void anAssessmentIsSentStartedAndCompletedWithAResultThatIsThenFinal() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Backend Engineer");
        String cand = candidate(org, "Katherine Johnson", null);
        String app = apply(org, cand, p.jobId());
        String id = assessments(org).body(Map.of("applicationId", app, "name", "Java take-home", "provider", "codility",
                        "dueAt", "2026-04-10T23:59:00Z"))
                .post("/api/v1/assessments").then().statusCode(201)
                .body("data.id", matchesPattern("asm_[0-9A-Za-z]{20}")).body("data.status", equalTo("sent"))
                .body("data.candidateId", equalTo(cand)).body("data.jobId", equalTo(p.jobId())).body("data.score", nullValue())
                .extract().path("data.id");
        assessments(org).body(Map.of("status", "started")).patch("/api/v1/assessments/" + id).then().statusCode(200)
                .body("data.status", equalTo("started"));
        assessments(org).body(Map.of("score", 80)).patch("/api/v1/assessments/" + id).then().statusCode(400)
                .body("error.message", startsWith("score:"));
        assessments(org).body(Map.of("status", "completed", "score", 87, "passed", true, "reportUrl", "https://codility.example/r/1"))
                .patch("/api/v1/assessments/" + id).then().statusCode(200)
                .body("data.score", equalTo(87)).body("data.passed", equalTo(true)).body("data.completedAt", notNullValue());
        assessments(org).body(Map.of("score", 90)).patch("/api/v1/assessments/" + id).then().statusCode(409)
                .body("error.message", equalTo("Assessment is completed: its result is final"));
        assessments(org).get("/api/v1/assessments?applicationId=" + app + "&status=completed").then().statusCode(200)
                .body("data.id", equalTo(List.of(id))).body("meta.total", equalTo(1));

        Map<String, String> refused = Map.of(
                "{\"name\": \"X\"}", "applicationId",
                "{\"applicationId\": \"" + app + "\"}", "name",
                "{\"applicationId\": \"" + app + "\", \"name\": \"X\", \"status\": \"graded\"}", "status",
                "{\"applicationId\": \"" + app + "\", \"name\": \"X\", \"status\": \"completed\", \"score\": 101}", "score",
                "{\"applicationId\": \"" + app + "\", \"name\": \"X\", \"status\": \"completed\", \"passed\": \"yes\"}", "passed",
                "{\"applicationId\": \"" + app + "\", \"name\": \"X\", \"dueAt\": \"friday\"}", "dueAt");
        refused.forEach((body, field) -> assessments(org).body(body).post("/api/v1/assessments").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("assessment.completed")), Duration.ofSeconds(60));
        JsonNode done = events.stream().filter(e -> e.path("type").asText().equals("assessment.completed")).findFirst().orElseThrow();
        assertEquals(id, done.path("data").path("assessmentId").asText());
        assertEquals(87, done.path("data").path("score").asInt());

        String stranger = TestTokens.newOrganizationId();
        assessments(stranger).get("/api/v1/assessments/" + id).then().statusCode(404);
        assessments(stranger).body(Map.of("status", "expired")).patch("/api/v1/assessments/" + id).then().statusCode(404);
        assessments(stranger).get("/api/v1/assessments?applicationId=" + app).then().body("data", hasSize(0));
        assessments(stranger).body(Map.of("applicationId", app, "name", "X")).post("/api/v1/assessments").then().statusCode(404);
        as(org, "assessments:read").contentType(ContentType.JSON).body(Map.of("applicationId", app, "name", "X"))
                .post("/api/v1/assessments").then().statusCode(403);
    }

    @Test
    void meetingsWithCandidatesAndProspectsFilteredByPersonAndTime() {
        String org = TestTokens.newOrganizationId();
        String cand = candidate(org, "Hedy Lamarr", null);
        String prospect = as(org, "prospects:write", "candidates:read").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Mary", "lastName", "Jackson")).post("/api/v1/prospects").then().statusCode(201).extract().path("data.id");
        String id = meetings(org).body(Map.of("title", "Coffee chat", "startsAt", "2026-04-03T09:00:00Z", "endsAt", "2026-04-03T09:30:00Z",
                        "attendees", List.of("Anna@example.com"), "candidateId", cand, "notes", "Bring the team roadmap."))
                .post("/api/v1/meetings").then().statusCode(201)
                .body("data.id", matchesPattern("mtg_[0-9A-Za-z]{20}")).body("data.candidateId", equalTo(cand))
                .extract().path("data.id");
        meetings(org).body(Map.of("title", "Intro call", "startsAt", "2026-04-05T15:00:00Z", "endsAt", "2026-04-05T15:20:00Z",
                "prospectId", prospect)).post("/api/v1/meetings").then().statusCode(201);

        meetings(org).get("/api/v1/meetings?candidateId=" + cand).then().statusCode(200).body("data.id", equalTo(List.of(id)));
        meetings(org).get("/api/v1/meetings?prospectId=" + prospect).then().body("data", hasSize(1));
        meetings(org).get("/api/v1/meetings?attendee=anna@EXAMPLE.com").then().body("data.id", equalTo(List.of(id)));
        meetings(org).get("/api/v1/meetings?from=2026-04-04T00:00:00Z&to=2026-04-06T00:00:00Z").then().body("data", hasSize(1))
                .body("data[0].title", equalTo("Intro call"));
        meetings(org).body(Map.of("endsAt", "2026-04-03T10:00:00Z")).patch("/api/v1/meetings/" + id).then().statusCode(200)
                .body("data.endsAt", equalTo("2026-04-03T10:00:00Z")).body("data.title", equalTo("Coffee chat"));

        Map<String, String> refused = Map.of(
                "{\"startsAt\": \"2026-04-03T09:00:00Z\", \"endsAt\": \"2026-04-03T10:00:00Z\"}", "title",
                "{\"title\": \"X\", \"endsAt\": \"2026-04-03T10:00:00Z\"}", "startsAt",
                "{\"title\": \"X\", \"startsAt\": \"2026-04-03T10:00:00Z\", \"endsAt\": \"2026-04-03T09:00:00Z\"}", "endsAt",
                "{\"title\": \"X\", \"startsAt\": \"2026-04-03T09:00:00Z\", \"endsAt\": \"2026-04-04T09:00:00Z\"}", "endsAt",
                "{\"title\": \"X\", \"startsAt\": \"2026-04-03T09:00:00Z\", \"endsAt\": \"2026-04-03T10:00:00Z\", \"attendees\": [1]}", "attendees",
                "{\"title\": \"X\", \"startsAt\": \"2026-04-03T09:00:00Z\", \"endsAt\": \"2026-04-03T10:00:00Z\", \"prospectId\": \"cand_1\"}", "prospectId");
        refused.forEach((body, field) -> meetings(org).body(body).post("/api/v1/meetings").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));
        meetings(org).body(Map.of("candidateId", cand)).patch("/api/v1/meetings/" + id).then().statusCode(400);

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().equals("meeting.scheduled")).count() >= 2, Duration.ofSeconds(60));
        JsonNode first = events.stream().filter(e -> e.path("type").asText().equals("meeting.scheduled")).findFirst().orElseThrow();
        assertEquals(cand, first.path("data").path("candidateId").asText());

        String stranger = TestTokens.newOrganizationId();
        meetings(stranger).get("/api/v1/meetings/" + id).then().statusCode(404);
        meetings(stranger).body(Map.of("title", "x")).patch("/api/v1/meetings/" + id).then().statusCode(404);
        meetings(stranger).delete("/api/v1/meetings/" + id).then().statusCode(404);
        meetings(stranger).get("/api/v1/meetings?candidateId=" + cand).then().body("data", hasSize(0));
        meetings(stranger).body(Map.of("title", "X", "startsAt", "2026-04-03T09:00:00Z", "endsAt", "2026-04-03T10:00:00Z", "candidateId", cand))
                .post("/api/v1/meetings").then().statusCode(404);
        as(org, "meetings:read").delete("/api/v1/meetings/" + id).then().statusCode(403);

        meetings(org).delete("/api/v1/meetings/" + id).then().statusCode(204);
        meetings(org).get("/api/v1/meetings/" + id).then().statusCode(404);
    }
}
