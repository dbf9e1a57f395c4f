package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.webhook.history.HistoryRetention;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.recruitsuite.webhook.Api.asKey;
import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static io.recruitsuite.webhook.TestEvents.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts issue, point 7: GET /api/v1/events lists an organization's public events of the last 30
 * days, oldest first, in cursor pages, as webhooks deliver them, filtered by type and time, limited to
 * what the key's scopes can read, without contact details unless candidates:read.
 */
@QuarkusTest
class EventHistoryTest {

    @Inject
    HistoryRetention retention;

    static RequestSpecification reader(String org) {
        return asKey(org, "events:read", "candidates:read", "jobs:read", "applications:read", "search:read");
    }

    static JsonPath list(RequestSpecification as, String query) {
        return as.get("/api/v1/events" + query).then().statusCode(200).extract().jsonPath();
    }

    static ObjectNode job(String jobId) {
        return MAPPER.createObjectNode().put("jobId", jobId).put("title", "Nurse").put("status", "open").put("department", "internal");
    }

    @Test
    void listsTheOrganizationsEventsOldestFirstInCursorPagesAsWebhooksDeliverThem() throws Exception {
        String org = TestTokens.newOrganizationId();
        List<String> ids = new ArrayList<>();
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            TestEvents.send(org, id, "job.created", job("job_" + i), base.plusSeconds(i)).get();
        }
        String upload = UUID.randomUUID().toString();
        TestEvents.send(org, upload, "document.upload", TestEvents.uploadData(upload, "alice-cv.pdf"), base.plusSeconds(10)).get();
        ids.add(upload);
        // another organization's events never show
        TestEvents.send(TestTokens.newOrganizationId(), UUID.randomUUID().toString(), "job.created", job("job_other"), base).get();
        await("six events in the history", Duration.ofSeconds(30), () -> list(reader(org), "?limit=100").getList("data").size() == 6);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = list(reader(org), "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("meta.nextCursor");
            assertEquals(cursor != null, page.getBoolean("meta.hasMore"));
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(ids, seen, "every event once, in the order it happened");

        JsonPath all = list(reader(org), "");
        assertEquals(List.of("job_0", "job_1", "job_2", "job_3", "job_4"), all.getList("data.data.jobId").subList(0, 5));
        assertEquals(org, all.getString("data[0].organizationId"));
        assertEquals(1, all.getInt("data[0].schemaVersion"));
        // the payload a webhook gets: public fields only (department stays inside), the upload with its file name
        assertNull(all.get("data[0].data.department"));
        assertEquals("alice-cv.pdf", all.getString("data[5].data.filename"));
        assertNull(all.get("data[5].data.text"));

        assertEquals(List.of(upload), list(reader(org), "?type=document.upload").getList("data.id"));
        assertEquals(6, list(reader(org), "?type=job.created,document.upload").getList("data").size());
        assertEquals(ids.subList(2, 4), list(reader(org), "?from=" + base.plusSeconds(2) + "&to=" + base.plusSeconds(4)).getList("data.id"));
    }

    @Test
    void aKeySeesOnlyTheTypesItsScopesReadAndContactDetailsOnlyWithCandidatesRead() throws Exception {
        String org = TestTokens.newOrganizationId();
        String upload = UUID.randomUUID().toString();
        TestEvents.send(org, upload, "document.upload", TestEvents.uploadData(upload, "bob-cv.pdf")).get();
        TestEvents.send(org, UUID.randomUUID().toString(), "job.created", job("job_1")).get();
        await("two events", Duration.ofSeconds(30), () -> list(reader(org), "").getList("data").size() == 2);

        // search:read sees the upload without the file name and candidate name; no job events without jobs:read
        JsonPath searchOnly = list(asKey(org, "events:read", "search:read"), "");
        assertEquals(List.of("document.upload"), searchOnly.getList("data.type"));
        assertNull(searchOnly.get("data[0].data.filename"));
        assertNull(searchOnly.get("data[0].data.candidateName"));
        assertEquals("cand_x", searchOnly.getString("data[0].data.candidateId"));

        asKey(org, "events:read", "search:read").get("/api/v1/events?type=job.created").then().statusCode(403)
                .body("error.message", containsString("jobs:read"));
        // events:read is needed at all
        asKey(org, "jobs:read", "candidates:read").get("/api/v1/events").then().statusCode(403);
    }

    @Test
    void badQueriesAreRefusedInTheEnvelope() {
        String org = TestTokens.newOrganizationId();
        for (String query : List.of("?type=candidate.exploded", "?type=webhook.test", "?from=yesterday", "?to=2026-13-01T00:00:00Z",
                "?limit=0", "?limit=101", "?limit=ten", "?cursor=garbage", "?from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z",
                "?typ=job.created")) {
            reader(org).get("/api/v1/events" + query).then().statusCode(400).body("error.code", equalTo("validation_error"));
        }
        reader(org).get("/api/v1/events?typ=job.created").then().body("error.details[0].issue", containsString("did you mean 'type'"));
    }

    @Test
    void eventsOlderThanTheRetentionAreNotListedAndArePurgedAndAnErasedCandidatesEventsKeepOnlyIds() throws Exception {
        String org = TestTokens.newOrganizationId();
        String old = UUID.randomUUID().toString();
        TestEvents.send(org, old, "job.created", job("job_old"), Instant.now().minus(31, ChronoUnit.DAYS)).get();
        String upload = UUID.randomUUID().toString();
        TestEvents.send(org, upload, "document.upload", TestEvents.uploadData(upload, "carol-cv.pdf")).get();
        await("the upload listed", Duration.ofSeconds(30), () -> list(reader(org), "").getList("data").size() == 1);
        assertEquals(List.of(upload), list(reader(org), "?from=2000-01-01T00:00:00Z").getList("data.id"), "never beyond 30 days");

        int purged = retention.purgeOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30)).await().atMost(Duration.ofSeconds(10));
        assertTrue(purged >= 1, "the 31-day-old event was deleted");

        ObjectNode erased = MAPPER.createObjectNode().put("candidateId", "cand_x");
        erased.putArray("documentIds").add("doc_" + upload.substring(0, 8));
        TestEvents.send(org, UUID.randomUUID().toString(), "candidate.deleted", erased).get();
        await("the upload redacted", Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(list(reader(org), "?type=document.upload").get("data[0].redacted")));
        JsonPath redacted = list(reader(org), "?type=document.upload");
        assertNull(redacted.get("data[0].data.filename"));
        assertNull(redacted.get("data[0].data.candidateName"));
        assertEquals("cand_x", redacted.getString("data[0].data.candidateId"));
        assertFalse(list(reader(org), "").getList("data.type").isEmpty());
        reader(org).get("/api/v1/events").then().body("data", hasSize(2));
    }
}
