package io.recruitsuite.gateway.discovery;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/v1/openapi.json}: the public API as one OpenAPI 3.1 document. It is docs/openapi.json,
 * bundled into the gateway at build time: merged from the documents the services write when they are
 * built ({@link #merge}, run by OpenApiDocumentTest, which fails when the committed file differs from
 * what the code produces), so what is served is exactly what is published and reviewed.
 */
@Singleton
public class OpenApiAggregator {

    /** Where the build puts docs/openapi.json in the gateway's jar. */
    static final String BUNDLED = "public-api/openapi.json";

    private volatile JsonObject document;

    public Uni<JsonObject> document() {
        try {
            return Uni.createFrom().item(bundled());
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The bundled document, read once. */
    public JsonObject bundled() {
        JsonObject doc = document;
        if (doc == null) {
            try (InputStream in = OpenApiAggregator.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is not in the gateway's jar");
                }
                doc = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                document = doc;
            } catch (IOException e) {
                throw new IllegalStateException("reading " + BUNDLED, e);
            }
        }
        return doc;
    }

    /** The public paths of the services' documents, with the schemas they use, as one document. */
    public static JsonObject merge(List<JsonObject> documents) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        for (JsonObject d : documents) {
            JsonObject p = d.getJsonObject("paths", new JsonObject());
            p.fieldNames().stream().filter(path -> path.startsWith("/api/v1")).sorted()
                    .forEach(path -> paths.put(path, p.getValue(path)));
            JsonObject s = d.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            s.forEach(entry -> schemas.put(entry.getKey(), entry.getValue()));
        }
        // only the schemas the public paths use: the services' documents also describe their operator and internal APIs
        JsonObject used = new JsonObject();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(references(paths.encode()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!used.containsKey(name) && schemas.containsKey(name)) {
                used.put(name, schemas.getValue(name));
                pending.addAll(references(io.vertx.core.json.Json.encode(schemas.getValue(name))));
            }
        }
        JsonObject securitySchemes = documents.stream().map(d -> d.getJsonObject("components", new JsonObject()).getJsonObject("securitySchemes"))
                .filter(java.util.Objects::nonNull).findFirst().orElse(new JsonObject());
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Recruit Suite API").put("version", "v1")
                        .put("description", "The public API of Recruit Suite, through its gateway. Errors, paging, limits and "
                                + "idempotency: docs/api.md. Events and webhooks: docs/events.md, docs/asyncapi.yaml.")
                        .put("license", new JsonObject().put("name", "Proprietary").put("url", "https://example.com/recruit-suite/terms")))
                .put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "/")))
                .put("tags", tags(paths))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", used).put("securitySchemes", securitySchemes))
                .put("security", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("bearer", new io.vertx.core.json.JsonArray()))
                        .add(new JsonObject().put("apiKey", new io.vertx.core.json.JsonArray())));
    }

    /** The tags the operations use, declared once at the top as OpenAPI expects. */
    private static io.vertx.core.json.JsonArray tags(JsonObject paths) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                item.getJsonObject(method).getJsonArray("tags", new io.vertx.core.json.JsonArray()).forEach(t -> names.add(t.toString()));
            }
        }
        io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
        names.forEach(n -> out.add(new JsonObject().put("name", n).put("description", "Operations on " + n.toLowerCase(java.util.Locale.ROOT))));
        return out;
    }

    private static final java.util.regex.Pattern SCHEMA_REF = java.util.regex.Pattern.compile("#/components/schemas/([^\"]+)");

    private static List<String> references(String json) {
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = SCHEMA_REF.matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
