package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.ApplicationsTest.apply;
import static io.recruitsuite.candidate.ApplicationsTest.candidate;
import static io.recruitsuite.candidate.ApplicationsTest.job;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AgentsTest {

    static RequestSpecification agents(String org) {
        return as(org, "agents:read", "agents:write", "interviews:read", "interviews:write").contentType(ContentType.JSON);
    }

    @Test
    void agentsAreStoredServedAndNamedByAiInterviews() {
        String org = TestTokens.newOrganizationId();
        String id = agents(org).body(Map.of("name", "Screening agent", "language", "en-gb", "voice", "alloy", "tone", "warm",
                        "instructions", "Ask about availability first.", "questions", List.of("Why this role?", "Notice period?")))
                .post("/api/v1/agents").then().statusCode(201)
                .body("data.id", matchesPattern("agt_[0-9A-Za-z]{20}")).body("data.language", equalTo("en-GB"))
                .body("data.questions", hasSize(2))
                .extract().path("data.id");
        agents(org).body(Map.of("tone", "formal")).patch("/api/v1/agents/" + id).then().statusCode(200)
                .body("data.tone", equalTo("formal")).body("data.name", equalTo("Screening agent"));
        agents(org).get("/api/v1/agents").then().statusCode(200).body("data.id", equalTo(List.of(id))).body("meta.total", equalTo(1));

        var p = job(org, "Call centre");
        String app = apply(org, candidate(org, "Agent Subject", null), p.jobId());
        Map<String, Object> ai = Map.of("applicationId", app, "kind", "ai", "startsAt", "2026-08-01T10:00:00Z", "durationMinutes", 20,
                "interviewers", List.of("usr_recruiter"), "agentId", id);
        agents(org).body(ai).post("/api/v1/interviews").then().statusCode(201).body("data.agentId", equalTo(id));
        agents(org).body(Map.of("applicationId", app, "kind", "ai", "startsAt", "2026-08-02T10:00:00Z", "durationMinutes", 20,
                "interviewers", List.of("usr_recruiter"))).post("/api/v1/interviews").then().statusCode(400).body("error.message", startsWith("agentId:"));
        agents(org).body(Map.of("applicationId", app, "kind", "video", "startsAt", "2026-08-02T10:00:00Z", "durationMinutes", 20,
                "interviewers", List.of("usr_recruiter"), "agentId", id)).post("/api/v1/interviews").then().statusCode(400);
        agents(org).body(Map.of("applicationId", app, "kind", "ai", "startsAt", "2026-08-02T10:00:00Z", "durationMinutes", 20,
                "interviewers", List.of("usr_recruiter"), "agentId", "agt_doesnotexist")).post("/api/v1/interviews").then().statusCode(404);
        // an agent an interview names stays
        agents(org).delete("/api/v1/agents/" + id).then().statusCode(409);

        for (String body : List.of("{}", "{\"name\": \"A\"}", "{\"name\": \"A\", \"language\": \"not a tag!\"}",
                "{\"name\": \"A\", \"language\": \"en\", \"questions\": [\" \"]}", "{\"name\": \"A\", \"language\": \"en\", \"questions\": \"q\"}")) {
            agents(org).body(body).post("/api/v1/agents").then().statusCode(400).body("error.code", equalTo("validation_error"));
        }
        String stranger = TestTokens.newOrganizationId();
        agents(stranger).get("/api/v1/agents/" + id).then().statusCode(404);
        agents(stranger).body(Map.of("tone", "x")).patch("/api/v1/agents/" + id).then().statusCode(404);
        agents(stranger).delete("/api/v1/agents/" + id).then().statusCode(404);
        agents(stranger).get("/api/v1/agents").then().body("data", hasSize(0));
        as(org, "agents:read").delete("/api/v1/agents/" + id).then().statusCode(403);

        String unused = agents(org).body(Map.of("name", "Spare", "language", "fr")).post("/api/v1/agents").then().statusCode(201)
                .extract().path("data.id");
        agents(org).delete("/api/v1/agents/" + unused).then().statusCode(204);
    }
}
