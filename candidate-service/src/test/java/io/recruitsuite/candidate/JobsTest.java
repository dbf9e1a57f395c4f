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
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class JobsTest {

    static RequestSpecification jobsWriter(String org) {
        return as(org, "jobs:read", "jobs:write").contentType(ContentType.JSON);
    }

    static String createJob(String org, String title, String status) {
        return jobsWriter(org).body(Map.of("title", title, "status", status)).post("/api/v1/jobs")
                .then().statusCode(201).extract().path("data.id");
    }

    @Test
    void createWithDefaultOrGivenStagesThenReadUpdateAndTheEvents() {
        String org = TestTokens.newOrganizationId();
        String id = jobsWriter(org).body(Map.of("title", "Senior Backend Engineer", "description", "Kotlin and Postgres",
                        "location", "Lagos, Nigeria", "employmentType", "full-time", "department", "Engineering"))
                .post("/api/v1/jobs").then().statusCode(201)
                .body("data.id", matchesPattern("job_[0-9A-Za-z]{20}"))
                .body("data.status", equalTo("draft"))
                .body("data.publishedAt", nullValue())
                .body("data.stages.name", equalTo(List.of("Applied", "Screening", "Interview", "Offer", "Hired")))
                .body("data.stages.position", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("data.stages[0].id", matchesPattern("stg_[0-9A-Za-z]{20}"))
                .body("data.counts.totalApplications", equalTo(0))
                .extract().path("data.id");

        jobsWriter(org).body(Map.of("title", "Nurse", "status", "published", "stages", List.of("Phone screen", Map.of("name", "Ward visit"))))
                .post("/api/v1/jobs").then().statusCode(201)
                .body("data.stages.name", equalTo(List.of("Phone screen", "Ward visit")))
                .body("data.publishedAt", notNullValue());

        as(org, "jobs:read").get("/api/v1/jobs/" + id).then().statusCode(200)
                .body("data.title", equalTo("Senior Backend Engineer"))
                .body("data.location", equalTo("Lagos, Nigeria"))
                .body("data.employmentType", equalTo("full-time"));
        as(org, "jobs:read").get("/api/v1/jobs/" + id + "/stages").then().statusCode(200)
                .body("data", hasSize(5)).body("data[4].name", equalTo("Hired")).body("data[0].jobId", equalTo(id));

        jobsWriter(org).body(Map.of("status", "published", "title", "Staff Backend Engineer")).patch("/api/v1/jobs/" + id)
                .then().statusCode(200)
                .body("data.status", equalTo("published")).body("data.publishedAt", notNullValue())
                .body("data.title", equalTo("Staff Backend Engineer")).body("data.description", equalTo("Kotlin and Postgres"));
        jobsWriter(org).body("{\"location\": null}").patch("/api/v1/jobs/" + id).then().statusCode(200).body("data.location", nullValue());
        jobsWriter(org).body(Map.of("status", "closed")).patch("/api/v1/jobs/" + id).then().statusCode(200)
                .body("data.closedAt", notNullValue());
        // nothing changed: no event
        jobsWriter(org).body(Map.of("status", "closed")).patch("/api/v1/jobs/" + id).then().statusCode(200);

        List<JsonNode> events = TestKafka.events(Topics.CANDIDATE_EVENTS, org, found -> found.size() >= 5, Duration.ofSeconds(60));
        assertEquals(List.of("job.created", "job.created", "job.updated", "job.updated", "job.updated"),
                events.stream().map(e -> e.path("type").asText()).toList());
        JsonNode created = events.get(0).path("data");
        assertEquals(id, created.path("jobId").asText());
        assertEquals(5, created.path("stages").size());
        assertEquals("draft", created.path("status").asText());
        JsonNode published = events.get(2).path("data");
        assertEquals("[\"title\",\"status\"]", published.path("changed").toString());
        assertEquals("closed", events.get(4).path("data").path("status").asText());
    }

    @Test
    void listFiltersByStatusAndPagesBothWays() {
        String org = TestTokens.newOrganizationId();
        for (int i = 0; i < 5; i++) {
            createJob(org, "Published " + i, "published");
        }
        createJob(org, "Draft", "draft");
        createJob(org, "Closed", "closed");
        as(org, "jobs:read").get("/api/v1/jobs").then().statusCode(200)
                .body("data", hasSize(7)).body("meta.total", equalTo(7)).body("meta.page", equalTo(1)).body("meta.limit", equalTo(20));
        as(org, "jobs:read").get("/api/v1/jobs?status=draft").then().body("data", hasSize(1)).body("data[0].title", equalTo("Draft"));
        as(org, "jobs:read").get("/api/v1/jobs?status=published&page=2&limit=2").then().statusCode(200)
                .body("data.title", equalTo(List.of("Published 2", "Published 1"))).body("meta.total", equalTo(5));

        List<String> seen = new ArrayList<>();
        String cursor = "";
        boolean inserted = false;
        while (cursor != null) {
            var page = as(org, "jobs:read").get("/api/v1/jobs?status=published&limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).body("meta.total", cursor.isEmpty() ? equalTo(5) : nullValue()).extract();
            seen.addAll(page.path("data.title"));
            if (!inserted) {
                createJob(org, "Published late", "published");
                inserted = true;
            }
            cursor = page.path("meta.nextCursor");
        }
        assertEquals(List.of("Published 4", "Published 3", "Published 2", "Published 1", "Published 0"), seen);
        assertFalse(seen.contains("Published late"));
    }

    @Test
    void badInputIsAValidationErrorAndAnotherOrganizationSeesNothing() {
        String org = TestTokens.newOrganizationId();
        String id = createJob(org, "Welder", "published");
        for (String body : List.of("{}", "{\"title\": \"  \"}", "{\"title\": 5}", "{\"title\": \"X\", \"status\": \"open\"}",
                "{\"title\": \"X\", \"stages\": []}", "{\"title\": \"X\", \"stages\": [\"A\", \"a\"]}", "{\"title\": \"X\", \"stages\": [1]}",
                "{\"title\": \"X\", \"stages\": \"Applied\"}", "[]", "{\"title\": \"" + "x".repeat(201) + "\"}")) {
            jobsWriter(org).body(body).post("/api/v1/jobs").then().statusCode(400).body("error.code", equalTo("validation_error"));
        }
        jobsWriter(org).body(Map.of("status", "draft")).patch("/api/v1/jobs/" + id).then().statusCode(400)
                .body("error.message", equalTo("status: a published job cannot return to draft"));
        jobsWriter(org).body(Map.of("stages", List.of("A"))).patch("/api/v1/jobs/" + id).then().statusCode(400);
        for (String q : List.of("status=Published", "status=open", "limit=0", "page=0", "cursor=%%%")) {
            as(org, "jobs:read").get("/api/v1/jobs?" + q).then().statusCode(400).body("error.code", equalTo("validation_error"));
        }
        as(org, "jobs:read").get("/api/v1/jobs/job_doesnotexist").then().statusCode(404).body("error.code", equalTo("not_found"));

        String other = TestTokens.newOrganizationId();
        as(other, "jobs:read").get("/api/v1/jobs/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(other, "jobs:read").get("/api/v1/jobs/" + id + "/stages").then().statusCode(404);
        jobsWriter(other).body(Map.of("title", "Hijacked")).patch("/api/v1/jobs/" + id).then().statusCode(404);
        as(other, "jobs:read").get("/api/v1/jobs").then().body("data", hasSize(0)).body("meta.total", equalTo(0));
        as(org, "jobs:read").get("/api/v1/jobs/" + id).then().statusCode(200).body("data.title", equalTo("Welder"));

        as(org, "jobs:read").contentType(ContentType.JSON).body(Map.of("title", "X")).post("/api/v1/jobs").then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
        as(org, "candidates:read").get("/api/v1/jobs").then().statusCode(403);
    }
}
