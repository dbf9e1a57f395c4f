package io.recruitsuite.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.candidate.ApplicationsTest.job;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CampaignsTest {

    @Inject
    Pool pool;

    static RequestSpecification campaigns(String org) {
        return as(org, "campaigns:read", "campaigns:write", "jobs:read", "jobs:write").contentType(ContentType.JSON);
    }

    static String campaign(String org, Map<String, Object> body) {
        return campaigns(org).body(body).post("/api/v1/campaigns").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void aCampaignIsCreatedReadPatchedAndValidated() {
        String org = TestTokens.newOrganizationId();
        String id = campaigns(org).body(Map.of("name", " Graduate drive 2027 ", "startsAt", "2027-01-10T09:00:00Z", "endsAt", "2027-03-31T18:00:00Z",
                        "pipelineTemplate", List.of("Applied", Map.of("name", "Assessment centre", "type", "interview"), "Offer")))
                .post("/api/v1/campaigns").then().statusCode(201)
                .body("data.id", matchesPattern("cmp_[0-9A-Za-z]{20}")).body("data.name", equalTo("Graduate drive 2027"))
                .body("data.status", equalTo("draft")).body("data.jobIds", hasSize(0))
                .body("data.pipelineTemplate.name", equalTo(List.of("Applied", "Assessment centre", "Offer")))
                .body("data.pipelineTemplate.type", equalTo(List.of("applied", "interview", "offer")))
                .extract().path("data.id");
        campaigns(org).get("/api/v1/campaigns/" + id).then().statusCode(200).body("data.startsAt", startsWith("2027-01-10T09:00"));
        campaigns(org).body(Map.of("status", "active", "name", "Graduates")).patch("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("data.status", equalTo("active")).body("data.name", equalTo("Graduates"))
                .body("data.pipelineTemplate", hasSize(3));
        // null clears the dates and the template
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("endsAt", null);
        clear.put("pipelineTemplate", null);
        campaigns(org).body(clear).patch("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("data.endsAt", equalTo(null)).body("data.pipelineTemplate", hasSize(0));

        for (String[] bad : new String[][]{
                {"{}", "name:"},
                {"{\"name\": \" \"}", "name:"},
                {"{\"name\": \"A\", \"status\": \"open\"}", "status:"},
                {"{\"name\": \"A\", \"startsAt\": \"tomorrow\"}", "startsAt:"},
                {"{\"name\": \"A\", \"startsAt\": \"2027-02-01T00:00:00Z\", \"endsAt\": \"2027-01-01T00:00:00Z\"}", "endsAt:"},
                {"{\"name\": \"A\", \"pipelineTemplate\": \"Applied\"}", "pipelineTemplate:"},
                {"{\"name\": \"A\", \"pipelineTemplate\": [\"Applied\", \"applied\"]}", "pipelineTemplate:"},
                {"{\"name\": \"A\", \"pipelineTemplate\": [{\"name\": \"X\", \"type\": \"party\"}]}", "pipelineTemplate[0].type:"},
                {"{\"name\": \"A\", \"jobIds\": []}", "Unknown field 'jobIds'"}}) {
            campaigns(org).body(bad[0]).post("/api/v1/campaigns").then().statusCode(400)
                    .body("error.code", equalTo("validation_error")).body("error.message", startsWith(bad[1]));
        }
        campaigns(org).body("{\"endsAt\": \"2020-01-01T00:00:00Z\", \"startsAt\": \"2021-01-01T00:00:00Z\"}").patch("/api/v1/campaigns/" + id)
                .then().statusCode(400).body("error.message", startsWith("endsAt:"));
        campaigns(org).body("{\"jobIds\": []}").patch("/api/v1/campaigns/" + id).then().statusCode(400);
        campaigns(org).body("{\"name\": null}").patch("/api/v1/campaigns/" + id).then().statusCode(400).body("error.message", startsWith("name:"));
    }

    @Test
    void aJobCreatedInACampaignStartsFromItsTemplateAndJoinsIt() {
        String org = TestTokens.newOrganizationId();
        String id = campaign(org, Map.of("name", "Sales push", "status", "active",
                "pipelineTemplate", List.of("Applied", Map.of("name", "Call", "type", "screen"), "Offer", "Hired")));
        String job = campaigns(org).body(Map.of("title", "Account executive", "campaignId", id)).post("/api/v1/jobs").then().statusCode(201)
                .body("data.stages.name", equalTo(List.of("Applied", "Call", "Offer", "Hired")))
                .body("data.stages.type", equalTo(List.of("applied", "screen", "offer", "hired")))
                .extract().path("data.id");
        // stages given win over the template
        String own = campaigns(org).body(Map.of("title", "Sales manager", "campaignId", id, "stages", List.of("New", "Panel")))
                .post("/api/v1/jobs").then().statusCode(201).body("data.stages.name", equalTo(List.of("New", "Panel")))
                .extract().path("data.id");
        campaigns(org).get("/api/v1/campaigns/" + id).then().body("data.jobIds", equalTo(List.of(job, own)));

        // without a template a campaign's job gets the default pipeline
        String plain = campaign(org, Map.of("name", "No template"));
        List<String> defaults = campaigns(org).body(Map.of("title", "Plain job")).post("/api/v1/jobs").then().statusCode(201)
                .extract().path("data.stages.name");
        campaigns(org).body(Map.of("title", "Plain campaign job", "campaignId", plain)).post("/api/v1/jobs").then().statusCode(201)
                .body("data.stages.name", equalTo(defaults));

        campaigns(org).body(Map.of("title", "X", "campaignId", "nope")).post("/api/v1/jobs").then().statusCode(400)
                .body("error.message", startsWith("campaignId:"));
        campaigns(org).body(Map.of("title", "X", "campaignId", "cmp_doesnotexist")).post("/api/v1/jobs").then().statusCode(404);
        campaigns(org).body(Map.of("title", "X", "campaignId", id, "stages", List.of())).post("/api/v1/jobs").then().statusCode(400)
                .body("error.message", startsWith("stages:"));
        campaigns(org).body(Map.of("campaignId", id)).patch("/api/v1/jobs/" + job).then().statusCode(400)
                .body("error.message", startsWith("campaignId:"));
        // a closed campaign takes no new jobs, and the job is not created
        String closed = campaign(org, Map.of("name", "Over", "status", "closed"));
        campaigns(org).body(Map.of("title", "Too late", "campaignId", closed)).post("/api/v1/jobs").then().statusCode(409);
        campaigns(org).get("/api/v1/jobs").then().body("meta.total", equalTo(4));

        List<String> events = rows("select event_type || ' ' || payload from outbox where record_key = $1 and event_type like 'campaign.%' "
                + "order by id", org);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("campaign.created ") && e.contains(id) && e.contains("\"Call\"")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("campaign.updated ") && e.contains(job) && e.contains("jobIds")), events.toString());
    }

    @Test
    void jobsAreAddedAndRemovedAndTheListsFilterByStatus() {
        String org = TestTokens.newOrganizationId();
        String id = campaign(org, Map.of("name", "Engineering", "status", "active"));
        String a = job(org, "Backend engineer").jobId();
        String b = job(org, "Frontend engineer").jobId();
        campaigns(org).body(Map.of("jobId", a)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(200)
                .body("data.jobIds", equalTo(List.of(a)));
        campaigns(org).body(Map.of("jobId", b)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(200);
        // adding it again changes nothing
        campaigns(org).body(Map.of("jobId", a)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(200)
                .body("data.jobIds", equalTo(List.of(a, b)));
        campaigns(org).delete("/api/v1/campaigns/" + id + "/jobs/" + a).then().statusCode(200).body("data.jobIds", equalTo(List.of(b)));
        campaigns(org).delete("/api/v1/campaigns/" + id + "/jobs/" + a).then().statusCode(404);
        // the job itself stays
        campaigns(org).get("/api/v1/jobs/" + a).then().statusCode(200);

        campaigns(org).body(Map.of("jobId", "job_doesnotexist")).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(404);
        campaigns(org).body(Map.of()).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(400).body("error.message", startsWith("jobId:"));
        campaigns(org).body(Map.of("jobId", "cand_x")).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(400)
                .body("error.message", startsWith("jobId:"));
        campaigns(org).body(Map.of("jobId", a, "position", 1)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
        String closed = campaign(org, Map.of("name", "Closed", "status", "closed"));
        campaigns(org).body(Map.of("jobId", a)).post("/api/v1/campaigns/" + closed + "/jobs").then().statusCode(409);

        String draft = campaign(org, Map.of("name", "Draft"));
        campaigns(org).get("/api/v1/campaigns").then().statusCode(200).body("meta.total", equalTo(3))
                .body("data.id", equalTo(List.of(draft, closed, id)));
        campaigns(org).get("/api/v1/campaigns?status=active").then().body("data.id", equalTo(List.of(id)));
        campaigns(org).get("/api/v1/campaigns?status=draft").then().body("data.id", equalTo(List.of(draft)));
        campaigns(org).get("/api/v1/campaigns?status=open").then().statusCode(400).body("error.message", startsWith("status:"));
        campaigns(org).get("/api/v1/campaigns?page=2&limit=1").then().body("data.id", equalTo(List.of(closed)));
        List<String> seen = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            var page = campaigns(org).get("/api/v1/campaigns?limit=2&cursor=" + cursor).then().statusCode(200).extract();
            seen.addAll(page.path("data.id"));
            cursor = page.path("meta.nextCursor");
        }
        assertEquals(List.of(draft, closed, id), seen);
        campaigns(org).get("/api/v1/campaigns?state=active").then().statusCode(400);
    }

    @Test
    void anotherOrganizationGetsNotFoundEverywhereAndScopesAreChecked() {
        String org = TestTokens.newOrganizationId();
        String id = campaign(org, Map.of("name", "Ours", "status", "active"));
        String job = job(org, "Our job").jobId();
        campaigns(org).body(Map.of("jobId", job)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(200);

        String stranger = TestTokens.newOrganizationId();
        String theirJob = job(stranger, "Their job").jobId();
        campaigns(stranger).get("/api/v1/campaigns/" + id).then().statusCode(404);
        campaigns(stranger).body(Map.of("name", "Mine")).patch("/api/v1/campaigns/" + id).then().statusCode(404);
        campaigns(stranger).body(Map.of("jobId", theirJob)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(404);
        campaigns(stranger).delete("/api/v1/campaigns/" + id + "/jobs/" + job).then().statusCode(404);
        campaigns(stranger).body(Map.of("title", "Sneaky", "campaignId", id)).post("/api/v1/jobs").then().statusCode(404);
        campaigns(stranger).get("/api/v1/campaigns").then().statusCode(200).body("data", hasSize(0)).body("meta.total", equalTo(0));
        // nor can one organization add another's job to its own campaign
        campaigns(org).body(Map.of("jobId", theirJob)).post("/api/v1/campaigns/" + id + "/jobs").then().statusCode(404);
        campaigns(org).get("/api/v1/campaigns/" + id).then().body("data.jobIds", equalTo(List.of(job))).body("data.name", equalTo("Ours"));

        as(org, "campaigns:read").get("/api/v1/campaigns/" + id).then().statusCode(200);
        as(org, "campaigns:read").get("/api/v1/campaigns").then().statusCode(200);
        as(org, "campaigns:read").contentType(ContentType.JSON).body(Map.of("name", "B")).post("/api/v1/campaigns").then().statusCode(403);
        as(org, "campaigns:read").contentType(ContentType.JSON).body(Map.of("name", "B")).patch("/api/v1/campaigns/" + id).then().statusCode(403);
        as(org, "campaigns:read").contentType(ContentType.JSON).body(Map.of("jobId", job)).post("/api/v1/campaigns/" + id + "/jobs")
                .then().statusCode(403);
        as(org, "campaigns:read").delete("/api/v1/campaigns/" + id + "/jobs/" + job).then().statusCode(403);
        as(org, "jobs:read").get("/api/v1/campaigns").then().statusCode(403);
        // joining a campaign at creation changes the campaign: jobs:write alone is not enough
        as(org, "jobs:write").contentType(ContentType.JSON).body(Map.of("title", "Sneaky", "campaignId", id)).post("/api/v1/jobs")
                .then().statusCode(403);
        as(org, "jobs:write").contentType(ContentType.JSON).body(Map.of("title", "Plain")).post("/api/v1/jobs").then().statusCode(201);
        as(org, "campaigns:write").get("/api/v1/campaigns/" + id).then().statusCode(403);
    }

    private List<String> rows(String sql, String org) {
        var result = pool.preparedQuery(sql).execute(Tuple.of(org)).await().atMost(Duration.ofSeconds(10));
        List<String> out = new ArrayList<>();
        result.forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
