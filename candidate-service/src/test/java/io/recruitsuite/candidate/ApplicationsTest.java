package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static io.recruitsuite.candidate.CandidatesTest.writer;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ApplicationsTest {

    static final String[] ALL = {"candidates:read", "candidates:write", "jobs:read", "jobs:write", "pipeline:read", "pipeline:write",
            "applications:read", "applications:write"};

    static RequestSpecification all(String org) {
        return as(org, ALL).contentType(ContentType.JSON);
    }

    record Pipeline(String jobId, List<String> stageIds) {
    }

    static Pipeline job(String org, String title) {
        JsonPath job = all(org).body(Map.of("title", title, "status", "published")).post("/api/v1/jobs").then().statusCode(201)
                .extract().jsonPath();
        return new Pipeline(job.getString("data.id"), job.getList("data.stages.id"));
    }

    static String candidate(String org, String name, String cv) {
        Map<String, Object> body = cv == null ? Map.of("name", name) : Map.of("name", name, "cvText", cv);
        return writer(org).body(body).post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
    }

    static String apply(String org, String candidateId, String jobId) {
        return all(org).body(Map.of("candidateId", candidateId, "jobId", jobId)).post("/api/v1/applications")
                .then().statusCode(201).extract().path("data.id");
    }

    @Test
    void applyMoveThroughStagesWithHistoryThenRejectAndTheEvents() {
        String org = TestTokens.newOrganizationId();
        Pipeline p = job(org, "Backend Engineer");
        String cand = candidate(org, "Grace Hopper", "Compiler pioneer; COBOL; naval officer.");

        String app = all(org).body(Map.of("candidateId", cand, "jobId", p.jobId())).post("/api/v1/applications").then().statusCode(201)
                .body("data.id", matchesPattern("app_[0-9A-Za-z]{20}"))
                .body("data.status", equalTo("active"))
                .body("data.currentStageId", equalTo(p.stageIds().get(0)))
                .body("data.currentStageName", equalTo("Applied"))
                .body("data.candidate.name", equalTo("Grace Hopper"))
                .body("data.stageHistory", hasSize(1))
                .body("data.stageHistory[0].status", equalTo("in_progress"))
                .extract().path("data.id");

        all(org).body(Map.of("candidateId", cand, "jobId", p.jobId())).post("/api/v1/applications").then().statusCode(409)
                .body("error.code", equalTo("conflict"));

        // the application-centric move and the seed's candidate-centric one
        all(org).body(Map.of("stageId", p.stageIds().get(1))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(200)
                .body("data.currentStageName", equalTo("Screening"));
        all(org).body(Map.of("stageId", p.stageIds().get(2))).put("/api/v1/pipeline/candidates/" + cand + "/move").then().statusCode(200)
                .body("data.currentStageName", equalTo("Interview"));
        // moving to where it already is changes nothing and writes no event
        all(org).body(Map.of("stageId", p.stageIds().get(2))).post("/api/v1/applications/" + app + "/move").then().statusCode(200)
                .body("data.stageHistory", hasSize(3));

        JsonPath got = as(org, "applications:read", "candidates:read").get("/api/v1/applications/" + app).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Applied", "Screening", "Interview"), got.getList("data.stageHistory.stageName"));
        assertEquals(List.of("completed", "completed", "in_progress"), got.getList("data.stageHistory.status"));
        assertEquals(got.getString("data.stageHistory[0].completedAt"), got.getString("data.stageHistory[1].startedAt"));
        assertEquals(null, got.getString("data.stageHistory[2].completedAt"));

        as(org, "pipeline:read").get("/api/v1/pipeline/stages/" + p.stageIds().get(2) + "/candidates").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].candidateId", equalTo(cand)).body("meta.total", equalTo(1));
        as(org, "pipeline:read").get("/api/v1/jobs/" + p.jobId() + "/stages/" + p.stageIds().get(2) + "/candidates").then().statusCode(200)
                .body("data", hasSize(1));
        as(org, "pipeline:read").get("/api/v1/pipeline/stages/" + p.stageIds().get(0) + "/candidates").then().body("data", hasSize(0));
        as(org, "pipeline:read").get("/api/v1/pipeline/stages?jobId=" + p.jobId()).then().statusCode(200).body("data", hasSize(5));

        all(org).body(Map.of("reason", "Position filled")).post("/api/v1/applications/" + app + "/reject").then().statusCode(200)
                .body("data.status", equalTo("rejected")).body("data.rejectionReason", equalTo("Position filled"))
                .body("data.rejectedAt", notNullValue()).body("data.stageHistory[2].completedAt", notNullValue());
        all(org).post("/api/v1/applications/" + app + "/reject").then().statusCode(200).body("data.status", equalTo("rejected"));
        all(org).body(Map.of("stageId", p.stageIds().get(3))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(409)
                .body("error.code", equalTo("conflict"));
        as(org, "pipeline:read").get("/api/v1/pipeline/stages/" + p.stageIds().get(2) + "/candidates").then().body("data", hasSize(0));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("application.rejected")), Duration.ofSeconds(60));
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("job.created", "candidate.created", "document.upload",
                "application.created", "document.update",
                "application.stage_changed", "document.update",
                "application.stage_changed", "document.update",
                "application.rejected", "document.update"), types);
        JsonNode created = events.get(3).path("data");
        assertEquals(app, created.path("applicationId").asText());
        assertEquals("Applied", created.path("stageName").asText());
        assertEquals(p.jobId(), created.path("jobId").asText());
        JsonNode moved = events.get(5).path("data");
        assertEquals("Applied", moved.path("fromStageName").asText());
        assertEquals(p.stageIds().get(1), moved.path("toStageId").asText());
        JsonNode stageUpdate = events.get(6).path("data");
        assertEquals("stage", stageUpdate.path("field").asText());
        assertEquals("Applied", stageUpdate.path("oldValue").asText());
        assertEquals("Screening", stageUpdate.path("newValue").asText());
        assertEquals(cand, stageUpdate.path("candidateId").asText());
        // rejected: the candidate is at no stage any more
        assertEquals("Interview", events.get(10).path("data").path("oldValue").asText());
        assertEquals(true, events.get(10).path("data").path("newValue").isNull());
    }

    @Test
    void listsByJobAndStatusPageBothWaysAndCandidatesFilterByStageAndJob() {
        String org = TestTokens.newOrganizationId();
        Pipeline a = job(org, "Job A");
        Pipeline b = job(org, "Job B");
        List<String> apps = new ArrayList<>();
        List<String> cands = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String c = candidate(org, "Person " + i, null);
            cands.add(c);
            apps.add(apply(org, c, a.jobId()));
        }
        apply(org, cands.get(0), b.jobId());
        all(org).body(Map.of("stageId", a.stageIds().get(2))).post("/api/v1/applications/" + apps.get(1) + "/move").then().statusCode(200);
        all(org).post("/api/v1/applications/" + apps.get(2) + "/reject").then().statusCode(200);

        as(org, "applications:read").get("/api/v1/applications?jobId=" + a.jobId()).then().statusCode(200)
                .body("data", hasSize(5)).body("meta.total", equalTo(5));
        as(org, "applications:read").get("/api/v1/applications?jobId=" + a.jobId() + "&status=rejected").then()
                .body("data", hasSize(1)).body("data[0].id", equalTo(apps.get(2)));
        as(org, "applications:read").get("/api/v1/applications?status=active").then().body("meta.total", equalTo(5));
        as(org, "applications:read", "jobs:read").get("/api/v1/jobs/" + b.jobId() + "/applications").then().body("data", hasSize(1));
        as(org, "applications:read").get("/api/v1/applications?jobId=" + a.jobId() + "&page=2&limit=2").then()
                .body("data.id", equalTo(List.of(apps.get(2), apps.get(1))));

        List<String> seen = new ArrayList<>();
        String cursor = "";
        boolean inserted = false;
        while (cursor != null) {
            var page = as(org, "applications:read").get("/api/v1/applications?jobId=" + a.jobId() + "&limit=2&cursor=" + cursor)
                    .then().statusCode(200).extract();
            seen.addAll(page.path("data.id"));
            if (!inserted) {
                apply(org, candidate(org, "Late Applicant", null), a.jobId());
                inserted = true;
            }
            cursor = page.path("meta.nextCursor");
        }
        assertEquals(List.of(apps.get(4), apps.get(3), apps.get(2), apps.get(1), apps.get(0)), seen);

        as(org, "candidates:read").get("/api/v1/candidates?stage=Interview").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(cands.get(1)));
        as(org, "candidates:read").get("/api/v1/candidates?stage=" + a.stageIds().get(2)).then().body("data", hasSize(1));
        as(org, "candidates:read").get("/api/v1/candidates?stage=applied&job=" + a.jobId()).then().body("meta.total", equalTo(4));
        as(org, "candidates:read").get("/api/v1/candidates?job=" + b.jobId()).then().body("data", hasSize(1))
                .body("data[0].id", equalTo(cands.get(0)));
        as(org, "candidates:read").get("/api/v1/candidates?job=" + a.jobId()).then().body("meta.total", equalTo(6));
        as(org, "candidates:read").get("/api/v1/candidates?job=" + a.jobId() + "&stage=Screening").then().body("data", hasSize(0));
        as(org, "candidates:read").get("/api/v1/candidates?job=42").then().statusCode(400).body("error.code", equalTo("validation_error"));
    }

    @Test
    void applicationsHideCandidateContactFromCallersWithoutCandidatesRead() {
        String org = TestTokens.newOrganizationId();
        Pipeline p = job(org, "Nurse");
        String cand = writer(org).body(Map.of("name", "Private Patient", "email", "pp@example.com", "phone", "+1-555-0199"))
                .post("/api/v1/candidates").then().statusCode(201).extract().path("data.id");
        String app = apply(org, cand, p.jobId());

        as(org, "applications:read").get("/api/v1/applications/" + app).then().statusCode(200)
                .body("data.candidate", aMapWithSize(1)).body("data.candidate.id", equalTo(cand))
                .body("data.candidate.name", nullValue()).body("data.candidate.email", nullValue());
        String listed = as(org, "applications:read").get("/api/v1/applications").then().statusCode(200)
                .body("data[0].candidate", aMapWithSize(1)).extract().asString();
        assertFalse(listed.contains("Private Patient") || listed.contains("pp@example.com") || listed.contains("555-0199"), listed);
        String atStage = as(org, "pipeline:read").get("/api/v1/pipeline/stages/" + p.stageIds().get(0) + "/candidates")
                .then().statusCode(200).body("data[0].candidate", aMapWithSize(1)).extract().asString();
        assertFalse(atStage.contains("Private Patient") || atStage.contains("pp@example.com"), atStage);
        String created = as(org, "applications:write", "applications:read").contentType(ContentType.JSON)
                .body(Map.of("candidateId", cand, "jobId", job(org, "Other").jobId()))
                .post("/api/v1/applications").then().statusCode(201).body("data.candidate", aMapWithSize(1)).extract().asString();
        assertFalse(created.contains("Private Patient"), created);

        as(org, "applications:read", "candidates:read").get("/api/v1/applications/" + app).then().statusCode(200)
                .body("data.candidate.name", equalTo("Private Patient")).body("data.candidate.email", equalTo("pp@example.com"))
                .body("data.candidate.phone", equalTo("+1-555-0199"));
    }

    @Test
    void errorsAreEnvelopedAndAnotherOrganizationGets404() {
        String org = TestTokens.newOrganizationId();
        Pipeline p = job(org, "Chef");
        Pipeline other = job(org, "Baker");
        String cand = candidate(org, "Anna Cook", null);
        String app = apply(org, cand, p.jobId());

        all(org).body(Map.of("jobId", p.jobId())).post("/api/v1/applications").then().statusCode(400).body("error.code", equalTo("validation_error"));
        all(org).body(Map.of("candidateId", "nope", "jobId", p.jobId())).post("/api/v1/applications").then().statusCode(400);
        all(org).body(Map.of("candidateId", cand, "jobId", p.jobId(), "stageId", 7)).post("/api/v1/applications").then().statusCode(400)
                .body("error.message", equalTo("stageId: must be a string"));
        all(org).body(Map.of("candidateId", "cand_missing", "jobId", other.jobId())).post("/api/v1/applications").then().statusCode(404);
        all(org).body(Map.of("candidateId", cand, "jobId", "job_missing")).post("/api/v1/applications").then().statusCode(404);
        all(org).body(Map.of("candidateId", cand, "jobId", other.jobId(), "stageId", p.stageIds().get(1))).post("/api/v1/applications")
                .then().statusCode(400).body("error.message", equalTo("stageId: not a stage of this job"));
        all(org).body(Map.of("stageId", other.stageIds().get(1))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(400);
        all(org).body(Map.of("stageId", "stg_missing")).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(404);
        all(org).body(Map.of()).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(400);
        all(org).body(Map.of("stageId", 5)).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(400)
                .body("error.message", equalTo("stageId: must be a string"));
        all(org).body(Map.of("reason", 5)).post("/api/v1/applications/" + app + "/reject").then().statusCode(400);
        all(org).body("{\"stageId\": ").post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
        all(org).body(Map.of("stageId", other.stageIds().get(1))).put("/api/v1/pipeline/candidates/" + cand + "/move").then().statusCode(404);
        all(org).body(Map.of("reason", "x".repeat(1001))).post("/api/v1/applications/" + app + "/reject").then().statusCode(400);
        as(org, "pipeline:read").get("/api/v1/pipeline/stages").then().statusCode(400);
        as(org, "pipeline:read").get("/api/v1/jobs/" + other.jobId() + "/stages/" + p.stageIds().get(0) + "/candidates").then().statusCode(404);
        as(org, "applications:read").get("/api/v1/applications?status=Active").then().statusCode(400);
        as(org, "applications:read").get("/api/v1/applications/app_missing").then().statusCode(404).body("error.code", equalTo("not_found"));
        all(org).body(Map.of("status", "closed")).patch("/api/v1/jobs/" + other.jobId()).then().statusCode(200);
        all(org).body(Map.of("candidateId", cand, "jobId", other.jobId())).post("/api/v1/applications").then().statusCode(409);

        String intruder = TestTokens.newOrganizationId();
        String theirCand = candidate(intruder, "Intruder", null);
        as(intruder, ALL).get("/api/v1/applications/" + app).then().statusCode(404).body("error.code", equalTo("not_found"));
        all(intruder).body(Map.of("stageId", p.stageIds().get(1))).post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(404);
        all(intruder).post("/api/v1/applications/" + app + "/reject").then().statusCode(404);
        all(intruder).body(Map.of("candidateId", theirCand, "jobId", p.jobId())).post("/api/v1/applications").then().statusCode(404);
        all(intruder).body(Map.of("candidateId", cand, "jobId", job(intruder, "Theirs").jobId())).post("/api/v1/applications").then().statusCode(404);
        as(intruder, ALL).get("/api/v1/pipeline/stages/" + p.stageIds().get(0) + "/candidates").then().statusCode(404);
        as(intruder, ALL).get("/api/v1/pipeline/stages?jobId=" + p.jobId()).then().statusCode(404);
        as(intruder, ALL).get("/api/v1/applications?jobId=" + p.jobId()).then().body("data", hasSize(0));
        as(org, "applications:read").get("/api/v1/applications/" + app).then().statusCode(200).body("data.currentStageName", equalTo("Applied"));

        as(org, "applications:read").contentType(ContentType.JSON).body(Map.of("candidateId", cand, "jobId", p.jobId()))
                .post("/api/v1/applications").then().statusCode(403);
        as(org, "applications:read").contentType(ContentType.JSON).body(Map.of("stageId", p.stageIds().get(1)))
                .post("/api/v1/pipeline/applications/" + app + "/move").then().statusCode(403);
        as(org, "pipeline:read").get("/api/v1/applications").then().statusCode(403);
    }
}
