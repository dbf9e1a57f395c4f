package io.recruitsuite.webhook.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types endpoints may subscribe to, and the fields of each that leave the platform.
 * Everything else an internal event carries (the CV text, for one) stays inside.
 */
public final class PublicEvents {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("document.upload", List.of("documentId", "filename", "candidateName", "fileSize", "candidateId", "fileType",
                "wordCount", "uploadedAt"));
        FIELDS.put("document.update", List.of("documentId", "candidateId", "field", "oldValue", "newValue", "tags"));
        FIELDS.put("search.execute", List.of("query", "resultCount"));
        FIELDS.put("feedback.submit", List.of("documentId", "isRelevant"));
        FIELDS.put("webhook.test", List.of("message"));
        // contact details stay inside: a receiver fetches them with a key that has candidates:read
        FIELDS.put("candidate.created", List.of("candidateId", "name", "tags"));
        FIELDS.put("candidate.updated", List.of("candidateId", "name", "tags", "changed"));
        FIELDS.put("candidate.deleted", List.of("candidateId", "documentIds"));
        FIELDS.put("job.created", List.of("jobId", "title", "status"));
        FIELDS.put("job.updated", List.of("jobId", "title", "status", "changed"));
        FIELDS.put("application.created", List.of("applicationId", "candidateId", "jobId", "stageId", "stageName", "status"));
        FIELDS.put("application.stage_changed", List.of("applicationId", "candidateId", "jobId", "fromStageId", "fromStageName",
                "toStageId", "toStageName"));
        FIELDS.put("key.created", List.of("keyId", "prefix", "name", "scopes", "createdBy"));
        FIELDS.put("key.revoked", List.of("keyId", "prefix", "reason"));
        FIELDS.put("key.expired", List.of("keyId", "prefix", "expiresAt"));
        FIELDS.put("key.inactive", List.of("keyId", "prefix", "lastUsedAt"));
    }

    private PublicEvents() {
    }

    public static Set<String> types() {
        return FIELDS.keySet();
    }

    public static boolean isPublic(String type) {
        return FIELDS.containsKey(type);
    }

    /** The documented payload {id, type, timestamp, organizationId, data} with only public data fields. */
    public static String payload(ObjectMapper mapper, JsonNode event) {
        String type = event.path("type").asText();
        ObjectNode out = mapper.createObjectNode()
                .put("id", event.path("id").asText())
                .put("type", type)
                .put("timestamp", event.path("timestamp").asText())
                .put("organizationId", event.path("organizationId").asText());
        ObjectNode data = out.putObject("data");
        JsonNode source = event.path("data");
        for (String field : FIELDS.getOrDefault(type, List.of())) {
            if (source.has(field)) {
                data.set(field, source.get(field));
            }
        }
        try {
            return mapper.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
