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

import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProspectsTest {

    static final String[] ALL = {"prospects:read", "prospects:write", "candidates:read", "candidates:write", "applications:read",
            "applications:write", "jobs:read", "jobs:write"};

    static RequestSpecification all(String org) {
        return as(org, ALL).contentType(ContentType.JSON);
    }

    static String prospect(String org, String first, String last, String email) {
        return all(org).body(Map.of("firstName", first, "lastName", last, "email", email, "source", "linkedin"))
                .post("/api/v1/prospects").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void createSearchUpdateAndNotesThenTheEvents() {
        String org = TestTokens.newOrganizationId();
        String id = all(org).body(Map.of("firstName", "Linus", "lastName", "Torvalds", "email", "linus@example.org", "phone", "+358 1",
                        "source", "conference", "tags", List.of("kernel", "c"), "linkedinUrl", "https://www.linkedin.com/in/linus"))
                .post("/api/v1/prospects").then().statusCode(201)
                .body("data.id", matchesPattern("prs_[0-9A-Za-z]{20}"))
                .body("data.name", equalTo("Linus Torvalds")).body("data.tags", equalTo(List.of("kernel", "c")))
                .body("data.candidateId", nullValue())
                .extract().path("data.id");
        prospect(org, "Margaret", "Hamilton", "margaret@example.org");

        all(org).get("/api/v1/prospects?search=torv").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(id)).body("meta.total", equalTo(1));
        all(org).get("/api/v1/prospects?search=MARGARET@example").then().body("data[0].lastName", equalTo("Hamilton"));
        all(org).get("/api/v1/prospects?limit=1&cursor=").then().body("data", hasSize(1)).body("meta.hasMore", equalTo(true));

        all(org).body(Map.of("phone", "+358 2", "source", "referral")).patch("/api/v1/prospects/" + id).then().statusCode(200)
                .body("data.phone", equalTo("+358 2")).body("data.source", equalTo("referral")).body("data.email", equalTo("linus@example.org"));

        all(org).body(Map.of("body", "Met at the summit.")).post("/api/v1/prospects/" + id + "/notes").then().statusCode(201)
                .body("data.prospectId", equalTo(id)).body("data.candidateId", nullValue());
        all(org).get("/api/v1/prospects/" + id + "/notes").then().statusCode(200)
                .body("data.body", equalTo(List.of("Met at the summit."))).body("meta.total", equalTo(1));

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 2, Duration.ofSeconds(60));
        assertEquals(List.of("prospect.created", "prospect.created"), events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("Linus Torvalds", events.get(0).path("data").path("name").asText());
        assertEquals("conference", events.get(0).path("data").path("source").asText());
    }

    @Test
    void convertMakesACandidateAndAnApplicationOnceAndTheProspectKeepsTheLink() {
        String org = TestTokens.newOrganizationId();
        String id = prospect(org, "Barbara", "Liskov", "barbara@example.org");
        var job = all(org).body(Map.of("title", "Principal Engineer", "status", "published")).post("/api/v1/jobs").then().statusCode(201)
                .extract().jsonPath();

        // a job that does not exist leaves nothing behind
        all(org).body(Map.of("jobId", "job_doesnotexist")).post("/api/v1/prospects/" + id + "/convert").then().statusCode(404);
        all(org).get("/api/v1/prospects/" + id).then().body("data.candidateId", nullValue());

        var converted = all(org).body(Map.of("jobId", job.getString("data.id"))).post("/api/v1/prospects/" + id + "/convert")
                .then().statusCode(201)
                .body("data.candidateId", matchesPattern("cand_[0-9A-Za-z]{20}"))
                .body("data.applicationId", matchesPattern("app_[0-9A-Za-z]{20}"))
                .body("data.prospect.convertedAt", notNullValue())
                .extract().jsonPath();
        String candidateId = converted.getString("data.candidateId");
        all(org).get("/api/v1/prospects/" + id).then().body("data.candidateId", equalTo(candidateId));
        all(org).get("/api/v1/candidates/" + candidateId).then().statusCode(200)
                .body("data.name", equalTo("Barbara Liskov")).body("data.firstName", equalTo("Barbara"))
                .body("data.email", equalTo("barbara@example.org"));
        all(org).get("/api/v1/applications/" + converted.getString("data.applicationId")).then().statusCode(200)
                .body("data.candidateId", equalTo(candidateId)).body("data.currentStageName", equalTo("Applied"));
        all(org).get("/api/v1/prospects?converted=true").then().body("data.id", equalTo(List.of(id)));

        all(org).post("/api/v1/prospects/" + id + "/convert").then().statusCode(409)
                .body("error.code", equalTo("conflict")).body("error.message", equalTo("Prospect was already converted to candidate " + candidateId));

        // without a job: a candidate only
        String other = prospect(org, "Ken", "Thompson", "ken@example.org");
        all(org).post("/api/v1/prospects/" + other + "/convert").then().statusCode(201).body("data.applicationId", nullValue());

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                found -> found.stream().filter(e -> e.path("type").asText().equals("prospect.converted")).count() >= 2, Duration.ofSeconds(60));
        JsonNode first = events.stream().filter(e -> e.path("type").asText().equals("prospect.converted")).findFirst().orElseThrow();
        assertEquals(candidateId, first.path("data").path("candidateId").asText());
        assertEquals(converted.getString("data.applicationId"), first.path("data").path("applicationId").asText());

        // erasing the candidate erases the prospect it came from (the same person)
        all(org).delete("/api/v1/candidates/" + candidateId).then().statusCode(204);
        all(org).get("/api/v1/prospects/" + id).then().statusCode(404);
    }

    @Test
    void validationRedactionScopesAndIsolation() {
        String org = TestTokens.newOrganizationId();
        String id = prospect(org, "Frances", "Allen", "frances@example.org");
        Map<String, String> refused = Map.of(
                "{}", "firstName",
                "{\"firstName\": \"  \"}", "firstName",
                "{\"firstName\": \"A\", \"email\": \"not-an-email\"}", "email",
                "{\"firstName\": \"A\", \"linkedinUrl\": \"javascript:alert(1)\"}", "linkedinUrl",
                "{\"firstName\": \"A\", \"tags\": \"x\"}", "tags",
                "{\"firstName\": 5}", "firstName",
                "{\"firstName\": \"A\", \"source\": \"" + "s".repeat(255) + "\"}", "source");
        refused.forEach((body, field) -> all(org).body(body).post("/api/v1/prospects").then().statusCode(400)
                .body("error.code", equalTo("validation_error")).body("error.message", startsWith(field + ":")));
        all(org).body(Map.of("stageId", "stg_x")).post("/api/v1/prospects/" + id + "/convert").then().statusCode(400)
                .body("error.message", startsWith("stageId:"));
        all(org).get("/api/v1/prospects?converted=maybe").then().statusCode(400);

        // a reader without candidates:read sees ids, source and tags, and cannot search by name or email
        as(org, "prospects:read").get("/api/v1/prospects/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.source", equalTo("linkedin"))
                .body("data", not(hasKey("name"))).body("data", not(hasKey("email"))).body("data", not(hasKey("lastName")));
        as(org, "prospects:read").get("/api/v1/prospects").then().statusCode(200).body("data[0]", not(hasKey("email")));
        as(org, "prospects:read").get("/api/v1/prospects?search=allen").then().statusCode(403).body("error.code", equalTo("forbidden"));
        as(org, "prospects:read", "prospects:write").contentType(ContentType.JSON).post("/api/v1/prospects/" + id + "/convert")
                .then().statusCode(403);
        as(org, "candidates:read").get("/api/v1/prospects").then().statusCode(403);

        String stranger = TestTokens.newOrganizationId();
        all(stranger).get("/api/v1/prospects/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
        all(stranger).body(Map.of("source", "x")).patch("/api/v1/prospects/" + id).then().statusCode(404);
        all(stranger).post("/api/v1/prospects/" + id + "/convert").then().statusCode(404);
        all(stranger).body(Map.of("body", "x")).post("/api/v1/prospects/" + id + "/notes").then().statusCode(404);
        all(stranger).get("/api/v1/prospects/" + id + "/notes").then().statusCode(404);
        all(stranger).delete("/api/v1/prospects/" + id).then().statusCode(404);
        all(stranger).get("/api/v1/prospects?search=allen").then().body("data", hasSize(0)).body("meta.total", equalTo(0));

        all(org).delete("/api/v1/prospects/" + id).then().statusCode(204);
        all(org).get("/api/v1/prospects/" + id).then().statusCode(404);
    }
}
