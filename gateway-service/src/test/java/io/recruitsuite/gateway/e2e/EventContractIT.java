package io.recruitsuite.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.recruitsuite.gateway.e2e.E2eSupport.Resp;
import io.recruitsuite.gateway.e2e.E2eSupport.Tenant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contract holds for what the running suite really produced (contracts issue, points 6 and 7):
 * every record on the stack's topics, from every test of this run, is of a type docs/asyncapi.yaml lists for
 * that topic, and its envelope and data validate against the document's schemas; the history API
 * (GET /api/v1/events) serves the public payloads, which validate against the public schemas, including
 * application.rejected, now a public type. Runs after the fuzz, isolation, secrets, erasure, strictness and client
 * suites, whose events it reads, and before EndToEndIT, which stops a service near its end.
 */
@org.junit.jupiter.api.Order(100)
class EventContractIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static JsonNode asyncApi() throws Exception {
        return new YAMLMapper().readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
    }

    static JsonSchema schema(JsonNode doc, String name) {
        JsonNode s = doc.path("components").path("schemas").path(name);
        assertTrue(!s.isMissingNode(), "docs/asyncapi.yaml has no schema " + name);
        return SCHEMAS.getSchema(s);
    }

    @Test
    void theHistoryApiServesPublicPayloadsThatValidateAgainstTheCatalogue() throws Exception {
        JsonNode doc = asyncApi();
        Tenant t = Tenant.create("events-contract", List.of("candidates:read", "candidates:write", "jobs:read", "jobs:write",
                "applications:read", "applications:write", "events:read"));
        String candidate = t.create("/api/v1/candidates", Map.of("name", "Dana Contract", "email", "dana@example.com"), "id");
        String job = t.create("/api/v1/jobs", Map.of("title", "Contract tester", "status", "published"), "id");
        String application = t.create("/api/v1/applications", Map.of("candidateId", candidate, "jobId", job), "id");
        Resp rejected = t.post("/api/v1/applications/" + application + "/reject", Map.of("reason", "position filled"));
        assertEquals(200, rejected.status(), rejected.describe());

        Set<String> wanted = Set.of("candidate.created", "job.created", "application.created", "application.rejected");
        JsonNode events = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Resp r = t.get("/api/v1/events?limit=100");
            assertEquals(200, r.status(), r.describe());
            events = r.json().path("data");
            Set<String> types = new TreeSet<>();
            events.forEach(e -> types.add(e.path("type").asText()));
            if (types.containsAll(wanted)) {
                break;
            }
            Thread.sleep(250);
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        JsonSchema envelope = schema(doc, "Envelope");
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            seen.add(type);
            collect(problems, "history " + type, envelope.validate(e));
            collect(problems, "history " + type, schema(doc, type + ".public").validate(e.path("data")));
            assertEquals(t.org, e.path("organizationId").asText());
            assertEquals(1, e.path("schemaVersion").asInt());
        }
        assertTrue(seen.containsAll(wanted), "the history lists " + seen);
        assertEquals(List.of(), problems);
        // the published REST contract (docs/openapi.json) names exactly the fields the history serves
        JsonNode publicEvent = JSON.readTree(Path.of("..", "docs", "openapi.json").toFile()).path("components").path("schemas").path("PublicEvent");
        Set<String> documented = new TreeSet<>();
        publicEvent.path("properties").fieldNames().forEachRemaining(documented::add);
        for (JsonNode e : events) {
            Set<String> served = new TreeSet<>();
            e.fieldNames().forEachRemaining(served::add);
            assertEquals(documented, served, "the fields of a listed " + e.path("type").asText() + " against PublicEvent's");
        }
        // listed oldest first: the rejection comes after the application it rejects
        List<String> order = new ArrayList<>();
        events.forEach(e -> order.add(e.path("type").asText()));
        assertTrue(order.indexOf("application.created") < order.indexOf("application.rejected"), order.toString());
    }

    @Test
    void everyEventOnTheStacksTopicsIsOfADocumentedTypeAndValidatesAgainstItsSchema() throws Exception {
        JsonNode doc = asyncApi();
        Map<String, String> topicOfType = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> channels = doc.path("channels").fields(); channels.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = channels.next();
            String address = channel.getValue().path("address").asText(null);
            if (address != null) {
                channel.getValue().path("messages").fieldNames().forEachRemaining(type -> topicOfType.put(type, address));
            }
        }
        JsonSchema envelope = schema(doc, "Envelope");
        Map<String, JsonSchema> dataSchemas = new HashMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long records = E2eKafka.readAll(SecretsIT.TOPICS, r -> {
            String where = r.topic() + "-" + r.partition() + "@" + r.offset();
            JsonNode event;
            try {
                event = JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                problems.add(where + ": not JSON");
                return;
            }
            String type = event.path("type").asText();
            byType.merge(type, 1, Integer::sum);
            String documentedTopic = topicOfType.get(type);
            if (documentedTopic == null) {
                problems.add(where + ": type '" + type + "' is not in docs/asyncapi.yaml");
                return;
            }
            if (!r.topic().equals(SecretsIT.TOPIC_PREFIX + documentedTopic)) {
                problems.add(where + ": " + type + " is documented on " + documentedTopic);
            }
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            if (!event.path("organizationId").asText().equals(key)) {
                problems.add(where + ": keyed " + key + ", not by its organization " + event.path("organizationId").asText());
            }
            collect(problems, where + " " + type, envelope.validate(event));
            collect(problems, where + " " + type, dataSchemas.computeIfAbsent(type, n -> schema(doc, n)).validate(event.path("data")));
        });
        System.out.println("EventContractIT: " + records + " records validated, by type " + byType);
        assertTrue(records > 0 && byType.size() >= 8, "the run produced events of many types: " + byType);
        assertEquals(List.of(), problems.stream().limit(40).toList(), problems.size() + " problem(s)");
    }

    private static void collect(List<String> problems, String where, Set<ValidationMessage> messages) {
        messages.forEach(m -> problems.add(where + ": " + m.getMessage()));
    }
}
