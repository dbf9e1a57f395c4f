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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.recruitsuite.candidate.ApplicationsTest.all;
import static io.recruitsuite.candidate.ApplicationsTest.apply;
import static io.recruitsuite.candidate.ApplicationsTest.candidate;
import static io.recruitsuite.candidate.ApplicationsTest.job;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InterviewsTest {

    static RequestSpecification interviews(String org) {
        return as(org, "interviews:read", "interviews:write").contentType(ContentType.JSON);
    }

    static Map<String, Object> booking(String app, String startsAt, int minutes, List<String> interviewers) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicationId", app);
        body.put("kind", "video");
        body.put("startsAt", startsAt);
        body.put("durationMinutes", minutes);
        body.put("interviewers", interviewers);
        body.put("videoUrl", "https://meet.example.com/abc");
        return body;
    }

    @Test
    void scheduleRefuseOverlapsRescheduleCancelAndTheEvents() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Platform Engineer");
        String app = apply(org, candidate(org, "Alan Turing", null), p.jobId());
        String app2 = apply(org, candidate(org, "Joan Clarke", null), p.jobId());

        String id = interviews(org).body(booking(app, "2026-04-01T10:00:00Z", 60, List.of("anna@example.com", "usr_ben")))
                .post("/api/v1/interviews").then().statusCode(201)
                .body("data.id", matchesPattern("itv_[0-9A-Za-z]{20}"))
                .body("data.status", equalTo("scheduled")).body("data.endsAt", equalTo("2026-04-01T11:00:00Z"))
                .body("data.jobId", equalTo(p.jobId())).body("data.interviewers", equalTo(List.of("anna@example.com", "usr_ben")))
                .extract().path("data.id");

        // the same interviewer (in another case) at an overlapping time: a clear 409
        interviews(org).body(booking(app2, "2026-04-01T10:30:00+00:00", 30, List.of("ANNA@example.com")))
                .post("/api/v1/interviews").then().statusCode(409).body("error.code", equalTo("conflict"))
                .body("error.message", equalTo("Interviewer ANNA@example.com already has interview " + id
                        + " from 2026-04-01T10:00Z to 2026-04-01T11:00Z, which overlaps this one"));
        // back to back is not an overlap; another interviewer at the same time is free
        interviews(org).body(booking(app2, "2026-04-01T11:00:00Z", 30, List.of("anna@example.com"))).post("/api/v1/interviews")
                .then().statusCode(201);
        String other = interviews(org).body(booking(app2, "2026-04-01T10:00:00Z", 60, List.of("usr_carl"))).post("/api/v1/interviews")
                .then().statusCode(201).extract().path("data.id");
        // moving onto a booked interviewer is refused the same way, and moving within one's own slot is not
        interviews(org).body(Map.of("interviewers", List.of("usr_carl", "usr_ben"))).patch("/api/v1/interviews/" + other).then()
                .statusCode(409).body("error.message", startsWith("Interviewer usr_ben already has interview " + id));
        interviews(org).body(Map.of("startsAt", "2026-04-01T10:15:00Z", "durationMinutes", 45)).patch("/api/v1/interviews/" + id).then()
                .statusCode(200).body("data.endsAt", equalTo("2026-04-01T11:00:00Z"));

        // two bookings of one person at once: exactly one wins
        String app3 = apply(org, candidate(org, "Tommy Flowers", null), p.jobId());
        var a = CompletableFuture.supplyAsync(() -> interviews(org).body(booking(app3, "2026-04-02T09:00:00Z", 60, List.of("usr_dora")))
                .post("/api/v1/interviews").statusCode());
        var b = CompletableFuture.supplyAsync(() -> interviews(org).body(booking(app2, "2026-04-02T09:30:00Z", 60, List.of("usr_dora")))
                .post("/api/v1/interviews").statusCode());
        assertEquals(List.of(201, 409), List.of(a.join(), b.join()).stream().sorted().toList());

        interviews(org).get("/api/v1/interviews?applicationId=" + app).then().statusCode(200).body("data.id", equalTo(List.of(id)));
        interviews(org).get("/api/v1/interviews?jobId=" + p.jobId() + "&from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z").then()
                .body("data", hasSize(3)).body("meta.total", equalTo(3));

        interviews(org).body(Map.of("reason", "Candidate withdrew")).post("/api/v1/interviews/" + id + "/cancel").then().statusCode(200)
                .body("data.status", equalTo("cancelled")).body("data.cancelledAt", notNullValue());
        interviews(org).post("/api/v1/interviews/" + id + "/cancel").then().statusCode(200);
        interviews(org).get("/api/v1/interviews?status=cancelled").then().body("data.id", equalTo(List.of(id)));
        // a cancelled interview frees its interviewers and cannot be moved
        interviews(org).body(Map.of("startsAt", "2026-04-05T10:00:00Z")).patch("/api/v1/interviews/" + id).then().statusCode(409);
        interviews(org).body(booking(app2, "2026-04-01T10:30:00Z", 20, List.of("usr_ben"))).post("/api/v1/interviews").then().statusCode(201);

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().startsWith("interview.")).count() >= 7, Duration.ofSeconds(60));
        List<String> types = events.stream().map(e -> e.path("type").asText()).filter(t -> t.startsWith("interview.")).toList();
        assertEquals(List.of("interview.scheduled", "interview.scheduled", "interview.scheduled", "interview.rescheduled",
                "interview.scheduled", "interview.cancelled", "interview.scheduled"), types);
        JsonNode moved = events.stream().filter(e -> e.path("type").asText().equals("interview.rescheduled")).findFirst().orElseThrow();
        assertEquals("2026-04-01T10:00:00.000Z", moved.path("data").path("previousStartsAt").asText());
        assertEquals("[\"startsAt\",\"durationMinutes\"]", moved.path("data").path("changed").toString());
    }

    @Test
    void oneScorecardPerInterviewerEditableUntilTheApplicationLeavesTheStage() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Designer");
        String app = apply(org, candidate(org, "Dieter Rams", null), p.jobId());
        all(org).body(Map.of("stageId", p.stageIds().get(2))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(200);
        String id = interviews(org).body(booking(app, "2026-05-01T10:00:00Z", 45, List.of("anna@example.com", "usr_ben")))
                .post("/api/v1/interviews").then().statusCode(201).extract().path("data.id");

        String sc = interviews(org).body(Map.of("interviewer", "Anna@Example.com", "recommendation", "yes",
                        "ratings", Map.of("craft", 3, "communication", 4), "notes", "Clear portfolio walk-through."))
                .post("/api/v1/interviews/" + id + "/scorecards").then().statusCode(201)
                .body("data.id", matchesPattern("scd_[0-9A-Za-z]{20}")).body("data.ratings.craft", equalTo(3))
                .extract().path("data.id");
        // the same interviewer again revises their scorecard
        interviews(org).body(Map.of("interviewer", "anna@example.com", "recommendation", "strong_yes", "ratings", Map.of("craft", 4)))
                .post("/api/v1/interviews/" + id + "/scorecards").then().statusCode(200)
                .body("data.id", equalTo(sc)).body("data.recommendation", equalTo("strong_yes")).body("data.ratings", equalTo(Map.of("craft", 4)));
        interviews(org).body(Map.of("interviewer", "usr_ben", "recommendation", "no")).post("/api/v1/interviews/" + id + "/scorecards")
                .then().statusCode(201);
        interviews(org).get("/api/v1/interviews/" + id + "/scorecards").then().statusCode(200)
                .body("data.interviewer", equalTo(List.of("Anna@Example.com", "usr_ben")));

        Map<String, String> refused = Map.of(
                "{\"interviewer\": \"usr_zed\", \"recommendation\": \"yes\"}", "interviewer",
                "{\"recommendation\": \"yes\"}", "interviewer",
                "{\"interviewer\": \"usr_ben\", \"recommendation\": \"maybe\"}", "recommendation",
                "{\"interviewer\": \"usr_ben\", \"recommendation\": \"yes\", \"ratings\": {\"craft\": 5}}", "ratings.craft",
                "{\"interviewer\": \"usr_ben\", \"recommendation\": \"yes\", \"ratings\": {\"craft\": 2.5}}", "ratings.craft",
                "{\"interviewer\": \"usr_ben\", \"recommendation\": \"yes\", \"ratings\": [3]}", "ratings");
        refused.forEach((body, field) -> interviews(org).body(body).post("/api/v1/interviews/" + id + "/scorecards").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));

        // the application moves on: the scorecards are final
        all(org).body(Map.of("stageId", p.stageIds().get(3))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(200);
        interviews(org).body(Map.of("interviewer", "usr_ben", "recommendation", "yes")).post("/api/v1/interviews/" + id + "/scorecards")
                .then().statusCode(409).body("error.message", equalTo("Scorecard is final: the application has left the stage it was submitted in"));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().equals("scorecard.submitted")).count() >= 3, Duration.ofSeconds(60));
        List<JsonNode> submitted = events.stream().filter(e -> e.path("type").asText().equals("scorecard.submitted")).toList();
        assertEquals(List.of(false, true, false), submitted.stream().map(e -> e.path("data").path("revised").asBoolean()).toList());
        assertEquals(4, submitted.get(1).path("data").path("ratings").path("craft").asInt());
    }

    @Test
    void validationScopesAndIsolation() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Support");
        String app = apply(org, candidate(org, "Ida Rhodes", null), p.jobId());
        String id = interviews(org).body(booking(app, "2026-06-01T10:00:00Z", 30, List.of("usr_a"))).post("/api/v1/interviews")
                .then().statusCode(201).extract().path("data.id");
        Map<String, Object> noKind = booking(app, "2026-06-02T10:00:00Z", 30, List.of("usr_a"));
        noKind.remove("kind");
        Map<Object, String> refused = new HashMap<>();
        refused.put(noKind, "kind");
        refused.put(booking(app, "yesterday", 30, List.of("usr_a")), "startsAt");
        refused.put(booking(app, "2026-06-02T10:00:00Z", 0, List.of("usr_a")), "durationMinutes");
        refused.put(booking(app, "2026-06-02T10:00:00Z", 481, List.of("usr_a")), "durationMinutes");
        refused.put(booking(app, "2026-06-02T10:00:00Z", 30, List.of()), "interviewers");
        refused.put(booking("cand_x", "2026-06-02T10:00:00Z", 30, List.of("usr_a")), "applicationId");
        Map<String, Object> badUrl = booking(app, "2026-06-02T10:00:00Z", 30, List.of("usr_a"));
        badUrl.put("videoUrl", "ftp://x");
        refused.put(badUrl, "videoUrl");
        refused.forEach((body, field) -> interviews(org).body(body).post("/api/v1/interviews").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));
        interviews(org).get("/api/v1/interviews?from=soon").then().statusCode(400).body("error.message", startsWith("from:"));
        interviews(org).get("/api/v1/interviews?status=done").then().statusCode(400);
        interviews(org).body(booking("app_doesnotexist", "2026-06-02T10:00:00Z", 30, List.of("usr_a"))).post("/api/v1/interviews")
                .then().statusCode(404);
        as(org, "interviews:read").contentType(ContentType.JSON).body(booking(app, "2026-06-02T10:00:00Z", 30, List.of("usr_a")))
                .post("/api/v1/interviews").then().statusCode(403);
        as(org, "applications:read").get("/api/v1/interviews").then().statusCode(403);

        // a rejected application takes no new interview
        all(org).post("/api/v1/applications/" + app + "/reject").then().statusCode(200);
        interviews(org).body(booking(app, "2026-06-03T10:00:00Z", 30, List.of("usr_a"))).post("/api/v1/interviews").then().statusCode(409);

        String stranger = TestTokens.newOrganizationId();
        interviews(stranger).get("/api/v1/interviews/" + id).then().statusCode(404);
        interviews(stranger).body(Map.of("durationMinutes", 60)).patch("/api/v1/interviews/" + id).then().statusCode(404);
        interviews(stranger).post("/api/v1/interviews/" + id + "/cancel").then().statusCode(404);
        interviews(stranger).get("/api/v1/interviews/" + id + "/scorecards").then().statusCode(404);
        interviews(stranger).body(Map.of("interviewer", "usr_a", "recommendation", "yes")).post("/api/v1/interviews/" + id + "/scorecards")
                .then().statusCode(404);
        interviews(stranger).get("/api/v1/interviews?applicationId=" + app).then().body("data", hasSize(0));
        interviews(stranger).body(booking(app, "2026-06-04T10:00:00Z", 30, List.of("usr_a"))).post("/api/v1/interviews").then().statusCode(404);
        // another organization's interviewer with the same name is another person: no overlap across organizations
        String theirApp = apply(stranger, candidate(stranger, "Other Person", null), job(stranger, "Other").jobId());
        interviews(stranger).body(booking(theirApp, "2026-06-01T10:00:00Z", 30, List.of("usr_a"))).post("/api/v1/interviews")
                .then().statusCode(201);
    }
}
