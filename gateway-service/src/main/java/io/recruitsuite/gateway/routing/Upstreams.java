package io.recruitsuite.gateway.routing;

import io.recruitsuite.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Pooled HTTP clients per upstream service (one per event loop: {@link EventLoopClients}), each behind {@link UpstreamGuard}s: a timeout for the
 * response head, a circuit breaker and a bulkhead; the idempotent variant adds one retry (and has a breaker
 * of its own). Bodies are streamed outside the guards.
 */
@Singleton
public class Upstreams {

    public record Upstream(String name, String host, int port, EventLoopClients clients, UpstreamGuard guard, UpstreamGuard idempotentGuard) {

        /** The client of the calling event loop: its connections are served by the thread that asks. */
        public HttpClient client() {
            return clients.current();
        }
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
            EventLoopClients clients = new EventLoopClients(vertx, new HttpClientOptions()
                    .setSsl(url.secure())
                    .setConnectTimeout((int) d.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setTcpNoDelay(true), d.maxConnections());
            upstreams.put(name, new Upstream(name, url.host(), url.port(), clients,
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
