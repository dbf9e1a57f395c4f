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
class TasksTest {

    static RequestSpecification tasks(String org) {
        return as(org, "tasks:read", "tasks:write").contentType(ContentType.JSON);
    }

    @Test
    void createFilterCompleteAndTheEvents() {
        String org = TestTokens.newOrganizationId();
        var p = job(org, "Data Engineer");
        String cand = candidate(org, "Edsger Dijkstra", null);
        String app = apply(org, cand, p.jobId());

        String call = tasks(org).body(Map.of("title", "Call references", "dueAt", "2026-03-02T16:00:00+02:00", "assignee", "usr_anna",
                        "applicationId", app))
                .post("/api/v1/tasks").then().statusCode(201)
                .body("data.id", matchesPattern("tsk_[0-9A-Za-z]{20}"))
                .body("data.status", equalTo("open")).body("data.candidateId", equalTo(cand)).body("data.applicationId", equalTo(app))
                .body("data.dueAt", equalTo("2026-03-02T14:00:00Z"))
                .extract().path("data.id");
        tasks(org).body(Map.of("title", "Send offer", "dueAt", "2026-03-10T09:00:00Z", "assignee", "usr_anna")).post("/api/v1/tasks")
                .then().statusCode(201);
        tasks(org).body(Map.of("title", "Book room", "assignee", "usr_ben", "candidateId", cand)).post("/api/v1/tasks").then().statusCode(201);

        tasks(org).get("/api/v1/tasks?assignee=usr_anna").then().statusCode(200).body("data", hasSize(2)).body("meta.total", equalTo(2));
        tasks(org).get("/api/v1/tasks?dueBefore=2026-03-05T00:00:00Z").then().body("data.id", equalTo(List.of(call)));
        tasks(org).get("/api/v1/tasks?candidateId=" + cand).then().body("data", hasSize(2));

        tasks(org).body(Map.of("status", "done")).patch("/api/v1/tasks/" + call).then().statusCode(200)
                .body("data.status", equalTo("done")).body("data.completedAt", notNullValue()).body("data.title", equalTo("Call references"));
        tasks(org).get("/api/v1/tasks?status=open").then().body("data", hasSize(2));
        tasks(org).body(Map.of("status", "open", "dueAt", "2026-03-03T10:00:00Z")).patch("/api/v1/tasks/" + call).then().statusCode(200)
                .body("data.completedAt", nullValue()).body("data.dueAt", equalTo("2026-03-03T10:00:00Z"));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().anyMatch(e -> e.path("type").asText().equals("task.completed")), Duration.ofSeconds(60));
        List<String> types = events.stream().map(e -> e.path("type").asText()).filter(t -> t.startsWith("task.")).toList();
        assertEquals(List.of("task.created", "task.created", "task.created", "task.completed"), types);
        JsonNode completed = events.stream().filter(e -> e.path("type").asText().equals("task.completed")).findFirst().orElseThrow();
        assertEquals(call, completed.path("data").path("taskId").asText());
        assertEquals(app, completed.path("data").path("applicationId").asText());
    }

    @Test
    void validationScopesAndIsolation() {
        String org = TestTokens.newOrganizationId();
        String cand = candidate(org, "Tony Hoare", null);
        String other = candidate(org, "Someone Else", null);
        var p = job(org, "QA");
        String app = apply(org, cand, p.jobId());
        String id = tasks(org).body(Map.of("title", "Screen", "candidateId", cand)).post("/api/v1/tasks").then().statusCode(201)
                .extract().path("data.id");
        Map<String, String> refused = Map.of(
                "{}", "title",
                "{\"title\": \" \"}", "title",
                "{\"title\": \"x\", \"dueAt\": \"tomorrow\"}", "dueAt",
                "{\"title\": \"x\", \"status\": \"doing\"}", "status",
                "{\"title\": \"x\", \"candidateId\": \"app_1\"}", "candidateId",
                "{\"title\": \"x\", \"candidateId\": \"" + other + "\", \"applicationId\": \"" + app + "\"}", "candidateId",
                "{\"title\": \"" + "t".repeat(301) + "\"}", "title");
        refused.forEach((body, field) -> tasks(org).body(body).post("/api/v1/tasks").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));
        tasks(org).body(Map.of("candidateId", other)).patch("/api/v1/tasks/" + id).then().statusCode(400)
                .body("error.message", startsWith("candidateId:"));
        tasks(org).get("/api/v1/tasks?status=later").then().statusCode(400);
        tasks(org).get("/api/v1/tasks?dueBefore=soon").then().statusCode(400).body("error.message", startsWith("dueBefore:"));
        tasks(org).body(Map.of("title", "x", "candidateId", "cand_doesnotexist")).post("/api/v1/tasks").then().statusCode(404);
        as(org, "tasks:read").contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/v1/tasks").then().statusCode(403);

        String stranger = TestTokens.newOrganizationId();
        tasks(stranger).get("/api/v1/tasks/" + id).then().statusCode(404);
        tasks(stranger).body(Map.of("status", "done")).patch("/api/v1/tasks/" + id).then().statusCode(404);
        tasks(stranger).delete("/api/v1/tasks/" + id).then().statusCode(404);
        tasks(stranger).get("/api/v1/tasks?candidateId=" + cand).then().body("data", hasSize(0));
        // another organization's candidate cannot be the subject of a task
        tasks(stranger).body(Map.of("title", "x", "candidateId", cand)).post("/api/v1/tasks").then().statusCode(404);
        tasks(stranger).body(Map.of("title", "x", "applicationId", app)).post("/api/v1/tasks").then().statusCode(404);

        tasks(org).delete("/api/v1/tasks/" + id).then().statusCode(204);
        tasks(org).get("/api/v1/tasks/" + id).then().statusCode(404);
    }
}
