package io.recruitsuite.gateway.routing;

import io.recruitsuite.gateway.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * One pooled HTTP client per upstream service, each behind SmallRye Fault Tolerance guards: a
 * timeout for the response head, a circuit breaker and a bulkhead; the idempotent variant adds
 * one retry. Bodies are streamed outside the guards.
 */
@ApplicationScoped
public class Upstreams {

    public record Upstream(String name, String host, int port, HttpClient client,
                           TypedGuard<Uni<HttpClientResponse>> guard,
                           TypedGuard<Uni<HttpClientResponse>> idempotentGuard) {
    }

    private static final TypeLiteral<Uni<HttpClientResponse>> RESPONSE = new TypeLiteral<>() {
    };

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;

    private final Map<String, Upstream> upstreams = new HashMap<>();

    @PostConstruct
    void init() {
        GatewayConfig.UpstreamDefaults d = config.upstreamDefaults();
        config.upstreams().forEach((name, upstream) -> {
            UpstreamUrl url = UpstreamUrl.parse(upstream.url());
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setSsl(url.secure())
                            .setConnectTimeout((int) d.connectTimeout().toMillis())
                            .setKeepAlive(true)
                            .setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(d.maxConnections()));
            upstreams.put(name, new Upstream(name, url.host(), url.port(), client, guard(name, d, false), guard(name, d, true)));
        });
    }

    private static TypedGuard<Uni<HttpClientResponse>> guard(String name, GatewayConfig.UpstreamDefaults d, boolean retry) {
        var builder = TypedGuard.create(RESPONSE)
                .withDescription("upstream " + name + (retry ? " (idempotent)" : ""))
                // the guarded call is already non-blocking: stay on the event loop instead of hopping threads
                .withThreadOffload(false)
                .withTimeout().duration(d.responseTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(d.breakerRequests())
                    .failureRatio(d.breakerFailureRatio())
                    .delay(d.breakerOpenFor().toMillis(), ChronoUnit.MILLIS)
                    .name("upstream-" + name + (retry ? "-idempotent" : ""))
                    // a client too slow with its body is not the upstream failing
                    .skipOn(ClientBodyIncomplete.class)
                    .done()
                .withBulkhead().limit(d.bulkheadLimit()).queueSize(d.bulkheadQueue()).done();
        if (retry) {
            builder = builder.withRetry().maxRetries(1).delay(d.retryDelay().toMillis(), ChronoUnit.MILLIS).done();
        }
        return builder.build();
    }

    public Upstream get(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new IllegalStateException("no upstream named " + name + " in gateway.upstreams");
        }
        return upstream;
    }
}
