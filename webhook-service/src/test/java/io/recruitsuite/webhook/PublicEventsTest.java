package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.webhook.ingest.PublicEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.recruitsuite.webhook.TestEvents.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicEventsTest {

    static JsonNode project(String type, ObjectNode data) throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID().toString(), type, "2026-02-28T14:30:00.000Z", "org_1", 1, data);
        return MAPPER.readTree(PublicEvents.payload(MAPPER, MAPPER.valueToTree(event)));
    }

    @Test
    void documentUploadCarriesTheDocumentedFieldsAndNeverTheCvText() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode payload = project("document.upload", TestEvents.uploadData(id, "alice-cv.pdf"));
        List<String> top = iterate(payload);
        assertEquals(List.of("id", "type", "timestamp", "organizationId", "data"), top, "the seed's payload shape, no schemaVersion");
        assertEquals(List.of("documentId", "filename", "candidateName", "fileSize", "candidateId", "fileType", "wordCount", "uploadedAt"),
                iterate(payload.get("data")));
        String json = payload.toString();
        for (String internal : List.of("SECRET CV TEXT", "alice@example.com", "internal-tag", "screening", "\"text\"")) {
            assertFalse(json.contains(internal), internal + " must not leave");
        }
        assertEquals("2026-02-28T14:30:00.000Z", payload.get("timestamp").asText());
    }

    @Test
    void everyTypeKeepsOnlyItsWhitelist() throws Exception {
        ObjectNode update = MAPPER.createObjectNode().put("documentId", "doc_1").put("candidateId", "cand_1").put("field", "stage")
                .put("oldValue", "new").put("newValue", "interview").put("text", "cv text");
        assertEquals(List.of("documentId", "candidateId", "field", "oldValue", "newValue"), iterate(project("document.update", update).get("data")));
        ObjectNode search = MAPPER.createObjectNode().put("query", "nurse").put("resultCount", 3).put("apiKeyPrefix", "rsa_live_x");
        assertEquals(List.of("query", "resultCount"), iterate(project("search.execute", search).get("data")));
        ObjectNode candidate = MAPPER.createObjectNode().put("candidateId", "cand_1").put("name", "Bo").put("email", "bo@example.com")
                .put("phone", "+1 555");
        assertEquals(List.of("candidateId", "name"), iterate(project("candidate.created", candidate).get("data")));
        ObjectNode key = MAPPER.createObjectNode().put("keyId", "key_1").put("prefix", "rsa_live_abcdefgh").put("keyHash", "deadbeef")
                .put("name", "ci");
        assertEquals(List.of("keyId", "prefix", "name"), iterate(project("key.created", key).get("data")));
        assertTrue(PublicEvents.isPublic("webhook.test"));
        assertFalse(PublicEvents.isPublic("organization.plan_changed"), "internal types are not offered");
        assertFalse(PublicEvents.isPublic("member.removed"));
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
