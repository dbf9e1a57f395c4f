package io.recruitsuite.gateway.discovery;

import io.recruitsuite.gateway.GatewayConfig;
import io.recruitsuite.gateway.routing.UpstreamUrl;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/openapi.json}: the public API as one OpenAPI document, merged from each
 * service's own generated document (their {@code /api/v1} paths and schemas), so it can never
 * drift from the code. Cached for a short while; a service that does not answer is left out.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Duration CACHE = Duration.ofSeconds(60);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;

    private WebClient client;
    private volatile JsonObject cached;
    private volatile long cachedAt;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    public Uni<JsonObject> document() {
        JsonObject doc = cached;
        if (doc != null && System.nanoTime() - cachedAt < CACHE.toNanos()) {
            return Uni.createFrom().item(doc);
        }
        List<Uni<JsonObject>> parts = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Upstream> e : new TreeMap<>(config.upstreams()).entrySet()) {
            UpstreamUrl url = UpstreamUrl.parse(e.getValue().url());
            parts.add(client.get(url.port(), url.host(), "/q/openapi?format=json").ssl(url.secure()).send()
                    .map(r -> r.statusCode() == 200 ? r.bodyAsJsonObject() : null)
                    .ifNoItem().after(FETCH_TIMEOUT).recoverWithItem((JsonObject) null)
                    .onFailure().recoverWithItem((JsonObject) null));
        }
        return Uni.join().all(parts).andFailFast().map(documents -> {
            JsonObject merged = merge(documents.stream().filter(java.util.Objects::nonNull).toList());
            // only a complete document is cached; a partial one is served but fetched again next time
            if (documents.stream().allMatch(java.util.Objects::nonNull)) {
                cached = merged;
                cachedAt = System.nanoTime();
            }
            return merged;
        });
    }

    JsonObject merge(List<JsonObject> documents) {
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
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Recruit Suite API").put("version", "v1"))
                .put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", used).put("securitySchemes", new JsonObject()
                        .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer"))
                        .put("apiKey", new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-API-Key"))))
                .put("security", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("bearer", new io.vertx.core.json.JsonArray()))
                        .add(new JsonObject().put("apiKey", new io.vertx.core.json.JsonArray())));
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
