package io.recruitsuite.gateway.discovery;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/openapi.json, the published contract the gateway serves, is what the services' code produces: the
 * documents the four services wrote when they were built, merged. When they differ the test fails,
 * writes the new document to target/openapi.json and lists what would break existing clients (a removed
 * operation, parameter or property, a changed type, a new required field); run it with
 * {@code -Dopenapi.write=true} to rewrite docs/openapi.json once the change is meant.
 */
class OpenApiDocumentTest {

    static final List<String> SERVICES = List.of("keys-service", "candidate-service", "search-service", "webhook-service");
    static final Path DOCS = Path.of("..", "docs", "openapi.json");

    static JsonObject generated() throws Exception {
        List<JsonObject> parts = new ArrayList<>();
        for (String service : SERVICES) {
            Path built = Path.of("..", service, "target", "openapi", "openapi.json");
            Assumptions.assumeTrue(Files.exists(built), "build the services first (./mvnw install builds them before the gateway): " + built);
            parts.add(new JsonObject(Files.readString(built, StandardCharsets.UTF_8)));
        }
        return OpenApiAggregator.merge(parts);
    }

    @Test
    void theCommittedDocumentIsWhatTheServicesProduceAndAChangeNamesWhatItBreaks() throws Exception {
        JsonObject fresh = generated();
        String text = fresh.encodePrettily() + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(DOCS, text, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "{}";
        if (!committed.equals(text)) {
            Files.writeString(Path.of("target", "openapi.json"), text, StandardCharsets.UTF_8);
            List<String> breaking = breakingChanges(new JsonObject(committed), fresh);
            fail("docs/openapi.json differs from what the services produce (the new document is in gateway-service/target/openapi.json; "
                    + "if the change is meant, run ./mvnw install -DskipTests then ./mvnw -pl gateway-service test "
                    + "-Dtest=OpenApiDocumentTest -Dopenapi.write=true and commit it). "
                    + (breaking.isEmpty() ? "Nothing in it breaks existing clients." : "It breaks existing clients: " + breaking));
        }
    }

    @Test
    void everyPublicOperationHasAUniqueIdASummaryItsScopeAndItsErrors() throws Exception {
        JsonObject doc = generated();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (String path : doc.getJsonObject("paths").fieldNames()) {
            JsonObject item = doc.getJsonObject("paths").getJsonObject(path);
            for (String method : item.fieldNames()) {
                JsonObject op = item.getJsonObject(method);
                operations++;
                String name = method.toUpperCase() + " " + path;
                if (op.getString("operationId") == null || !ids.add(op.getString("operationId"))) {
                    problems.add(name + ": operationId missing or repeated: " + op.getString("operationId"));
                }
                if (op.getString("summary") == null) {
                    problems.add(name + ": no summary");
                }
                if (op.getJsonArray("security") == null || op.getJsonArray("security").isEmpty()) {
                    problems.add(name + ": no security requirement");
                }
                JsonObject responses = op.getJsonObject("responses", new JsonObject());
                for (String status : List.of("400", "401", "403", "429", "500", "503")) {
                    if (!responses.containsKey(status)) {
                        problems.add(name + ": no " + status + " response");
                    }
                }
            }
        }
        assertTrue(operations >= 30, "the public operations: " + operations);
        assertEquals(List.of(), problems);
        assertTrue(doc.getString("openapi").startsWith("3.1"), doc.getString("openapi"));
    }

    @Test
    void aRemovedOperationOrPropertyOrANarrowedTypeIsReportedAsBreaking() {
        JsonObject before = new JsonObject("""
                {"paths": {"/api/v1/a": {"get": {"parameters": [{"name": "page", "in": "query"}]}}, "/api/v1/b": {"post": {}}},
                 "components": {"schemas": {"A": {"properties": {"x": {"type": "string"}, "y": {"type": ["string", "null"]}}}}}}""");
        JsonObject after = new JsonObject("""
                {"paths": {"/api/v1/a": {"get": {"parameters": []}}},
                 "components": {"schemas": {"A": {"required": ["z"], "properties": {"x": {"type": "integer"}, "y": {"type": "string"}, "z": {}}}}}}""");
        assertEquals(List.of("removed parameter page of GET /api/v1/a", "removed operation POST /api/v1/b", "A.x: type string -> integer",
                "A.y: type [\"string\",\"null\"] -> string", "A: new required property z"), breakingChanges(before, after));
    }

    /** What a client written against {@code before} could trip on in {@code after}. */
    static List<String> breakingChanges(JsonObject before, JsonObject after) {
        List<String> out = new ArrayList<>();
        JsonObject oldPaths = before.getJsonObject("paths", new JsonObject());
        JsonObject newPaths = after.getJsonObject("paths", new JsonObject());
        for (String path : new TreeSet<>(oldPaths.fieldNames())) {
            for (String method : new TreeSet<>(oldPaths.getJsonObject(path).fieldNames())) {
                JsonObject now = newPaths.getJsonObject(path, new JsonObject()).getJsonObject(method);
                String name = method.toUpperCase() + " " + path;
                if (now == null) {
                    out.add("removed operation " + name);
                    continue;
                }
                Set<String> params = new HashSet<>();
                now.getJsonArray("parameters", new JsonArray()).forEach(p -> params.add(((JsonObject) p).getString("name")));
                oldPaths.getJsonObject(path).getJsonObject(method).getJsonArray("parameters", new JsonArray()).forEach(p -> {
                    String param = ((JsonObject) p).getString("name");
                    if (!params.contains(param)) {
                        out.add("removed parameter " + param + " of " + name);
                    }
                });
            }
        }
        JsonObject oldSchemas = before.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        JsonObject newSchemas = after.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        for (String schema : new TreeSet<>(oldSchemas.fieldNames())) {
            JsonObject was = oldSchemas.getJsonObject(schema);
            JsonObject is = newSchemas.getJsonObject(schema);
            if (is == null) {
                continue; // a schema no path uses any more shows as a removed operation or property above
            }
            JsonObject wasProps = was.getJsonObject("properties", new JsonObject());
            JsonObject isProps = is.getJsonObject("properties", new JsonObject());
            for (Map.Entry<String, Object> p : wasProps) {
                JsonObject now = isProps.getJsonObject(p.getKey());
                if (now == null) {
                    out.add(schema + ": removed property " + p.getKey());
                } else {
                    Object oldType = ((JsonObject) p.getValue()).getValue("type");
                    Object newType = now.getValue("type");
                    if (oldType != null && !oldType.equals(newType)) {
                        out.add(schema + "." + p.getKey() + ": type " + typeText(oldType) + " -> " + typeText(newType));
                    }
                }
            }
            Set<String> required = new TreeSet<>();
            is.getJsonArray("required", new JsonArray()).forEach(r -> required.add((String) r));
            was.getJsonArray("required", new JsonArray()).forEach(required::remove);
            required.forEach(r -> out.add(schema + ": new required property " + r));
        }
        return out;
    }

    private static String typeText(Object type) {
        return type instanceof String text ? text : io.vertx.core.json.Json.encode(type);
    }
}
