package io.recruitsuite.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway reports to Prometheus. Routes are tagged by their pattern in the route table
 * (never the raw path, whose ids would make a series per resource); meters are cached so the hot
 * path does a map lookup, not a registry lookup.
 */
@Singleton
public class GatewayMetrics {

    /** Tag for requests that matched no route (404s, discovery, documentation). */
    public static final String NO_ROUTE = "none";

    @Inject
    MeterRegistry registry;

    private record RequestKind(String route, String method, int status) {
    }

    private final Map<RequestKind, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Counter> unavailable = new ConcurrentHashMap<>();

    /** One answered request: its route pattern, method and status, and the time from arrival to the last byte. */
    public void request(String route, String method, int status, long nanos) {
        // a record, not a formatted string, as the key: this runs on every request
        requests.computeIfAbsent(new RequestKind(route, method, status), k -> Timer.builder("gateway.requests")
                        .description("Requests answered by the gateway, by route pattern, method and status")
                        .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                        .tag("outcome", outcome(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A request refused with 429, by the window that refused it. */
    public void rateLimited(String window) {
        rateLimited.computeIfAbsent(window, w -> Counter.builder("gateway.rate.limited")
                .description("Requests refused with 429, by the rate-limit window that was used up")
                .tag("limit", w).register(registry)).increment();
    }

    /** A request answered 503 because its upstream was down, slow, overloaded or behind an open breaker. */
    public void upstreamUnavailable(String upstream, String reason) {
        unavailable.computeIfAbsent(upstream + ' ' + reason, k -> Counter.builder("gateway.upstream.unavailable")
                .description("Requests answered 503 because of their upstream, by upstream and reason")
                .tag("upstream", upstream).tag("reason", reason).register(registry)).increment();
    }

    static String outcome(int status) {
        return status < 400 ? "success" : status < 500 ? "client_error" : "server_error";
    }
}
