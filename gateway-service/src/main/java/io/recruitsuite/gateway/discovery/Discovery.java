package io.recruitsuite.gateway.discovery;

import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.security.InternalToken;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1}: the API version and its endpoints, in seed 000's shape. The endpoint list is derived
 * from the published OpenAPI document (every public operation, its summary and required scope), so the two
 * cannot disagree; discovery.json holds only the header (name, version, links, how to authenticate).
 */
@Singleton
public class Discovery {

    @Inject
    OpenApiAggregator openApi;

    // made on the first GET /api/v1, not at start: the gateway creates this bean while it starts (a singleton its
    // handler holds), and parsing the whole API description is start-up work no request waits for
    private volatile String body;

    private String body() {
        String made = body;
        if (made == null) {
            made = load();
            body = made;
        }
        return made;
    }

    private String load() {
        try (InputStream in = Discovery.class.getResourceAsStream("/discovery.json")) {
            JsonObject doc = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonArray endpoints = new JsonArray().add(new JsonObject().put("method", "GET").put("path", "/api/v1")
                    .put("description", "API version and endpoint discovery"));
            JsonObject api = openApi.bundled();
            JsonObject paths = api.getJsonObject("paths", new JsonObject());
            for (String path : paths.fieldNames()) {
                JsonObject item = paths.getJsonObject(path);
                for (String method : item.fieldNames()) {
                    JsonObject op = item.getJsonObject(method);
                    JsonObject endpoint = new JsonObject().put("method", method.toUpperCase(Locale.ROOT))
                            .put("path", path.replaceAll("\\{([^}]+)}", ":$1"))
                            .put("description", op.getString("summary"));
                    JsonArray scopes = op.getJsonArray("x-required-scopes");
                    if (scopes != null && !scopes.isEmpty()) {
                        endpoint.put("scope", String.join(" or ", scopes.stream().map(Object::toString).toList()));
                    } else if (path.startsWith("/api/v1/keys")) {
                        endpoint.put("auth", "session");
                    } else {
                        // no scope: any valid API key (the account)
                        endpoint.put("auth", "api-key");
                    }
                    endpoints.add(endpoint);
                }
            }
            doc.getJsonObject("data").put("endpoints", endpoints);
            return doc.encode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean handles(String path) {
        return "/api/v1".equals(path) || "/api/v1/".equals(path);
    }

    public void handle(RoutingContext rc, String path) {
        if (rc.request().method() != HttpMethod.GET && rc.request().method() != HttpMethod.HEAD) {
            rc.response().setStatusCode(405).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader("Allow", "GET")
                    .end(ErrorEnvelope.json(ErrorCode.METHOD_NOT_ALLOWED, "Use GET",
                            rc.response().headers().get(InternalToken.REQUEST_ID_HEADER)));
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body());
    }
}
