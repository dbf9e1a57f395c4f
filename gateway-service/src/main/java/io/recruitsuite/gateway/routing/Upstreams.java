package io.recruitsuite.gateway.routing;

import io.recruitsuite.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * One pooled HTTP client per upstream service, each behind {@link UpstreamGuard}s: a timeout for the
 * response head, a circuit breaker and a bulkhead; the idempotent variant adds one retry (and has a breaker
 * of its own). Bodies are streamed outside the guards.
 */
@ApplicationScoped
public class Upstreams {

    public record Upstream(String name, String host, int port, HttpClient client, UpstreamGuard guard, UpstreamGuard idempotentGuard) {
    }

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
            upstreams.put(name, new Upstream(name, url.host(), url.port(), client,
                    new UpstreamGuard(vertx, "upstream " + name, policy(d, 0), System::currentTimeMillis),
                    new UpstreamGuard(vertx, "upstream " + name + " (idempotent)", policy(d, 1), System::currentTimeMillis)));
        });
    }

    private static UpstreamGuard.Policy policy(GatewayConfig.UpstreamDefaults d, int retries) {
        return new UpstreamGuard.Policy(d.responseTimeout().toMillis(), d.breakerRequests(), d.breakerFailureRatio(),
                d.breakerOpenFor().toMillis(), d.bulkheadLimit(), d.bulkheadQueue(), retries, d.retryDelay().toMillis());
    }

    public Upstream get(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new IllegalStateException("no upstream named " + name + " in gateway.upstreams");
        }
        return upstream;
    }
}
