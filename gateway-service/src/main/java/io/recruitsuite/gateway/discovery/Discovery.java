package io.recruitsuite.gateway.discovery;

import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.security.InternalToken;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/v1}: the API version and its endpoints, as seed 000 documents. */
@ApplicationScoped
public class Discovery {

    private String body;

    @PostConstruct
    void load() {
        try (InputStream in = Discovery.class.getResourceAsStream("/discovery.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
}
