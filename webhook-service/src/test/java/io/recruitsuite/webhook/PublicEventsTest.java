package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload;
import io.recruitsuite.common.events.EventPayload.CandidateCreated;
import io.recruitsuite.common.events.EventPayload.DocumentUpdated;
import io.recruitsuite.common.events.EventPayload.DocumentUploaded;
import io.recruitsuite.common.events.EventPayload.KeyCreated;
import io.recruitsuite.common.events.EventPayload.SearchExecuted;
import io.recruitsuite.common.events.EventType;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.webhook.ingest.PublicEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicEventsTest {

    static <T extends EventPayload> JsonNode project(EventType<T> type, T data) throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID().toString(), type.name(), "2026-02-28T14:30:00.000Z", "org_1", 1,
                MAPPER.valueToTree(data));
        // the consumer's path: the record's value as it travels on Kafka
        return MAPPER.readTree(PublicEvents.payload(MAPPER, Events.parse(MAPPER, MAPPER.writeValueAsString(event))));
    }

    @Test
    void documentUploadCarriesTheDocumentedFieldsAndNeverTheInternalOnes() throws Exception {
        // the event itself carries no CV text and no email any more (docs/events.md); its internal fields still stay inside
        JsonNode payload = project(Events.DOCUMENT_UPLOAD, new DocumentUploaded("doc_1", "alice-cv.pdf", "Alice", 1234, "cand_1", "pdf", 321,
                "2026-02-28T14:30:00.000Z", List.of("internal-tag"), "screening", List.of("job_1")));
        List<String> top = iterate(payload);
        assertEquals(List.of("id", "type", "timestamp", "organizationId", "schemaVersion", "data"), top, "the seed's payload shape, plus schemaVersion");
        assertEquals(List.of("documentId", "filename", "candidateName", "fileSize", "candidateId", "fileType", "wordCount", "uploadedAt"),
                iterate(payload.get("data")));
        String json = payload.toString();
        for (String internal : List.of("internal-tag", "screening", "\"text\"", "job_1")) {
            assertFalse(json.contains(internal), internal + " must not leave");
        }
        assertEquals("2026-02-28T14:30:00.000Z", payload.get("timestamp").asText());
        assertEquals(1234, payload.get("data").get("fileSize").asLong());
    }

    @Test
    void everyTypeKeepsOnlyItsPublicFields() throws Exception {
        assertEquals(List.of("documentId", "candidateId", "field", "oldValue", "newValue"),
                iterate(project(Events.DOCUMENT_UPDATE, new DocumentUpdated("doc_1", "cand_1", "stage", "new", "interview", null)).get("data")),
                "tags travel only with a change of tags, as the seed documents");
        assertEquals(List.of("documentId", "candidateId", "field", "oldValue", "newValue", "tags"),
                iterate(project(Events.DOCUMENT_UPDATE, new DocumentUpdated("doc_1", "cand_1", "tags", List.of(), List.of("a"), List.of("a")))
                        .get("data")));
        assertEquals(List.of("query", "resultCount"), iterate(project(Events.SEARCH_EXECUTE, new SearchExecuted("nurse", 3)).get("data")));
        assertEquals(List.of("candidateId", "name", "tags"),
                iterate(project(Events.CANDIDATE_CREATED, new CandidateCreated("cand_1", "Bo", "bo@example.com", "+1 555", List.of())).get("data")));
        assertEquals(List.of("keyId", "prefix", "name", "scopes", "createdBy"),
                iterate(project(Events.KEY_CREATED, new KeyCreated("key_1", "rsa_live_abcdefgh", "ci", List.of("search:read"), "user_1"))
                        .get("data")));
        assertTrue(PublicEvents.isPublic("webhook.test"));
        assertFalse(PublicEvents.isPublic("organization.plan_changed"), "internal types are not offered");
        assertFalse(PublicEvents.isPublic("member.removed"));
    }

    @Test
    void aRecordThatIsNotAnEnvelopeOfItsTypeIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> Events.parse(MAPPER, "{\"hello\":1}"));
        assertThrows(IllegalArgumentException.class, () -> Events.parse(MAPPER, "not json"));
        String wrongData = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"search.execute\",\"organizationId\":\"org_1\","
                + "\"data\":{\"query\":[1,2],\"resultCount\":\"many\"}}";
        assertThrows(IllegalArgumentException.class, () -> PublicEvents.payload(MAPPER, Events.parse(MAPPER, wrongData)));
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
