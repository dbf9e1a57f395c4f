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
import java.util.function.Predicate;

import static io.recruitsuite.candidate.ApplicationsTest.candidate;
import static io.recruitsuite.candidate.CandidatesTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What job, meeting and interview-agent events carry, as a consumer reads them from the topic. */
@QuarkusTest
class JobMeetingAgentEventsTest {

    static RequestSpecification client(String org, String... scopes) {
        return as(org, scopes).contentType(ContentType.JSON);
    }

    static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    static List<JsonNode> waitFor(String org, Predicate<List<JsonNode>> done) {
        return TestKafka.events(Topics.CANDIDATE_EVENTS, org, done, Duration.ofSeconds(60));
    }

    @Test
    void jobEventsCarryTheTermsAndTheStageTypes() {
        String org = TestTokens.newOrganizationId();
        String id = client(org, "jobs:read", "jobs:write")
                .body(Map.of("title", "Site Nurse", "stages", List.of("Applied", Map.of("name", "Phone call", "type", "screen"), "Panel", "Hired"),
                        "salary", Map.of("min", 42000, "max", 51000.5, "currency", "EUR", "period", "year"), "remote", "hybrid", "openings", 3))
                .post("/api/v1/jobs").then().statusCode(201).extract().path("data.id");
        client(org, "jobs:read", "jobs:write").body(Map.of("remote", "remote", "openings", 4)).patch("/api/v1/jobs/" + id).then().statusCode(200);
        client(org, "jobs:read", "jobs:write").body("{\"salary\": null}").patch("/api/v1/jobs/" + id).then().statusCode(200);

        List<JsonNode> events = waitFor(org, found -> ofType(found, "job.updated").size() >= 2);
        JsonNode created = ofType(events, "job.created").get(0).path("data");
        assertEquals(id, created.path("jobId").asText());
        assertEquals(List.of("applied", "screen", "custom", "hired"),
                created.path("stages").findValuesAsText("type"));
        assertEquals("Phone call", created.path("stages").get(1).path("name").asText());
        assertEquals(1, created.path("stages").get(1).path("position").asInt());
        assertEquals(42000, created.path("salary").path("min").asInt());
        assertEquals("51000.5", created.path("salary").path("max").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("EUR", created.path("salary").path("currency").asText());
        assertEquals("year", created.path("salary").path("period").asText());
        assertEquals("hybrid", created.path("remote").asText());
        assertEquals(3, created.path("openings").asInt());

        JsonNode terms = ofType(events, "job.updated").get(0).path("data");
        assertEquals(List.of("remote", "openings"), mapper(terms.path("changed")));
        assertEquals("remote", terms.path("remote").asText());
        assertEquals(4, terms.path("openings").asInt());
        assertEquals("EUR", terms.path("salary").path("currency").asText(), "the whole job, not only what changed");
        assertEquals(4, terms.path("stages").size());
        JsonNode cleared = ofType(events, "job.updated").get(1).path("data");
        assertEquals(List.of("salary"), mapper(cleared.path("changed")));
        assertTrue(cleared.path("salary").isNull(), "a cleared salary is null: " + cleared);
    }

    @Test
    void meetingsAreScheduledUpdatedAndCancelled() {
        String org = TestTokens.newOrganizationId();
        String cand = candidate(org, "Ada Meeting", null);
        String id = client(org, "meetings:read", "meetings:write")
                .body(Map.of("title", "Coffee chat", "startsAt", "2026-04-03T09:00:00Z", "endsAt", "2026-04-03T09:30:00Z",
                        "attendees", List.of("anna@example.com"), "candidateId", cand, "notes", "Private notes."))
                .post("/api/v1/meetings").then().statusCode(201).extract().path("data.id");
        // nothing changes: no event
        client(org, "meetings:read", "meetings:write").body(Map.of("title", "Coffee chat")).patch("/api/v1/meetings/" + id).then().statusCode(200);
        client(org, "meetings:read", "meetings:write")
                .body(Map.of("startsAt", "2026-04-03T10:00:00Z", "endsAt", "2026-04-03T10:45:00Z", "notes", "Other notes."))
                .patch("/api/v1/meetings/" + id).then().statusCode(200);
        client(org, "meetings:read", "meetings:write").delete("/api/v1/meetings/" + id).then().statusCode(204);

        List<JsonNode> events = waitFor(org, found -> !ofType(found, "meeting.cancelled").isEmpty());
        assertEquals(1, ofType(events, "meeting.updated").size(), "an unchanged PATCH writes no event: " + events);
        JsonNode updated = ofType(events, "meeting.updated").get(0).path("data");
        assertEquals(id, updated.path("meetingId").asText());
        assertEquals(List.of("startsAt", "endsAt", "notes"), mapper(updated.path("changed")));
        assertEquals("2026-04-03T10:00:00.000Z", updated.path("startsAt").asText());
        assertEquals("2026-04-03T10:45:00.000Z", updated.path("endsAt").asText());
        assertEquals("2026-04-03T09:00:00.000Z", updated.path("previousStartsAt").asText());
        assertEquals(cand, updated.path("candidateId").asText());
        assertFalse(updated.toString().contains("notes."), "the notes never travel: " + updated);

        JsonNode cancelled = ofType(events, "meeting.cancelled").get(0).path("data");
        assertEquals(id, cancelled.path("meetingId").asText());
        assertEquals(cand, cancelled.path("candidateId").asText());
        assertEquals("2026-04-03T10:00:00.000Z", cancelled.path("startsAt").asText());

        // another organization's delete is a 404 and writes nothing
        String stranger = TestTokens.newOrganizationId();
        client(stranger, "meetings:read", "meetings:write").delete("/api/v1/meetings/" + id).then().statusCode(404);
    }

    @Test
    void interviewAgentsAreCreatedUpdatedAndDeleted() {
        String org = TestTokens.newOrganizationId();
        String id = client(org, "agents:read", "agents:write")
                .body(Map.of("name", "Screening agent", "language", "en-gb", "voice", "alloy", "tone", "warm",
                        "instructions", "Ask about night shifts.", "questions", List.of("Why this role?", "When can you start?")))
                .post("/api/v1/agents").then().statusCode(201).extract().path("data.id");
        client(org, "agents:read", "agents:write").body(Map.of("tone", "warm")).patch("/api/v1/agents/" + id).then().statusCode(200);
        client(org, "agents:read", "agents:write").body("{\"tone\": \"formal\", \"voice\": null}").patch("/api/v1/agents/" + id)
                .then().statusCode(200);
        client(org, "agents:read", "agents:write").delete("/api/v1/agents/" + id).then().statusCode(204);

        List<JsonNode> events = waitFor(org, found -> !ofType(found, "agent.deleted").isEmpty());
        assertEquals(List.of("agent.created", "agent.updated", "agent.deleted"),
                events.stream().map(e -> e.path("type").asText()).filter(t -> t.startsWith("agent.")).toList());
        JsonNode created = ofType(events, "agent.created").get(0).path("data");
        assertEquals(id, created.path("agentId").asText());
        assertEquals("Screening agent", created.path("name").asText());
        assertEquals("en-GB", created.path("language").asText());
        assertEquals("alloy", created.path("voice").asText());
        assertEquals(2, created.path("questionCount").asInt());
        assertFalse(created.toString().contains("night shifts"), "instructions are served by the API, not carried: " + created);
        JsonNode updated = ofType(events, "agent.updated").get(0).path("data");
        assertEquals(List.of("voice", "tone"), mapper(updated.path("changed")));
        assertTrue(updated.path("voice").isNull());
        assertEquals("formal", updated.path("tone").asText());
        assertEquals(id, ofType(events, "agent.deleted").get(0).path("data").path("agentId").asText());
    }

    private static List<String> mapper(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
