package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.error.StrictJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.security.KeyVerification;
import io.recruitsuite.common.security.MemberStanding;
import io.recruitsuite.common.security.MonthlyUsage;
import io.opentelemetry.api.trace.Span;
import io.recruitsuite.gateway.GatewayConfig;
import io.recruitsuite.gateway.routing.UpstreamUrl;
import io.recruitsuite.gateway.tracing.RequestSpans;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.YearMonth;

/**
 * The keys-service as the gateway uses it: verify a key, report usage, read a month's usage. Each call's timeout,
 * retry and breaker are configured in application.properties ({@code KeysClient/<method>/<guard>/<field>}).
 */
@Singleton
public class KeysClient {

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;
    @Inject
    InternalTokenSigner signer;
    @Inject
    ObjectMapper mapper;
    @Inject
    RequestSpans spans;

    private WebClient client;
    private UpstreamUrl keys;

    @PostConstruct
    void init() {
        keys = UpstreamUrl.parse(config.upstreams().get("keys").url());
        client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(keys.host())
                .setDefaultPort(keys.port())
                .setSsl(keys.secure())
                .setConnectTimeout((int) config.upstreamDefaults().connectTimeout().toMillis())
                .setMaxPoolSize(config.upstreamDefaults().maxConnections()));
    }

    /** The verify answer's envelope. */
    record VerifyAnswer(KeyVerification data) {
    }

    /** The keys-service's verdict. Idempotent, so one retry is safe. */
    @Timeout
    @Retry
    @CircuitBreaker
    public Uni<KeyVerification> verify(String key) {
        return call(HttpMethod.POST, "/internal/v1/keys/verify", new JsonObject().put("key", key))
                .map(response -> read(response, VerifyAnswer.class, "verdict").data());
    }

    /** The member standing's envelope. */
    record StandingAnswer(MemberStanding data) {
    }

    /** Whether a dashboard user is a member now, with which role, and the plan's API access. Idempotent, so one retry is safe. */
    @Timeout
    @Retry
    @CircuitBreaker
    public Uni<MemberStanding> memberStanding(String organizationId, String userId) {
        return call(HttpMethod.GET, "/internal/v1/organizations/" + encode(organizationId) + "/members/" + encode(userId), null)
                .map(response -> read(response, StandingAnswer.class, "member standing").data());
    }

    /** One call with the gateway's service token, as a CLIENT span of the request it is made for (or of its own trace). */
    private Uni<HttpResponse<Buffer>> call(HttpMethod method, String path, JsonObject body) {
        return Uni.createFrom().deferred(() -> {
            HttpRequest<Buffer> request = client.request(method, path).putHeader("Authorization", "Bearer " + signer.serviceToken());
            Span span = spans.client("keys", method.name(), keys.host(), keys.port(), path, request.headers().getDelegate());
            return (body == null ? request.send() : request.sendJsonObject(body))
                    .onItem().invoke(response -> spans.endClient(span, response.statusCode()))
                    .onFailure().invoke(failure -> spans.endClient(span, failure))
                    .onCancellation().invoke(() -> spans.endClient(span, new java.util.concurrent.CancellationException("no answer in time")));
        });
    }

    /** A 200 answer read as its envelope record; anything else fails the call (and counts for the breaker). */
    private <A> A read(HttpResponse<Buffer> response, Class<A> envelope, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("keys-service answered " + response.statusCode());
        }
        try {
            return StrictJson.tolerant(mapper, envelope).readValue(response.bodyAsString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("keys-service answered an unreadable " + what, e);
        }
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The usage answer's envelope. */
    record UsageAnswer(MonthlyUsage data) {
    }

    /** The organization's authoritative request count for a month (what the gateway reported so far). */
    @Timeout
    @CircuitBreaker
    public Uni<Long> monthlyUsage(String organizationId, YearMonth month) {
        return call(HttpMethod.GET, "/internal/v1/usage/" + encode(organizationId) + "/" + month, null)
                .map(response -> read(response, UsageAnswer.class, "usage count").data().requests());
    }

    @Timeout
    public Uni<Void> reportUsage(JsonObject report) {
        return call(HttpMethod.POST, "/internal/v1/usage", report)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("keys-service answered " + response.statusCode());
                    }
                    return null;
                });
    }
}
