package io.recruitsuite.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    UpstreamDefaults upstreamDefaults();

    List<Route> routes();

    InternalTokenConfig internalToken();

    /** Scopes a dashboard session gets, by role (owner, admin, member). */
    Map<String, List<String>> sessionScopes();

    KeyCache keyCache();

    Sessions sessions();

    Usage usage();

    MemorySize maxBodyDefault();

    MemorySize maxBodyUpload();

    /**
     * How long a client may take to send a body the gateway reads before forwarding (all but multipart
     * uploads): a slower one gets 408 and never holds an upstream slot.
     */
    Duration bodyReadTimeout();

    /**
     * Answers with a Content-Length up to this size are read whole and written to the client in one go; larger
     * ones (CV downloads) and answers of unknown length are streamed through.
     */
    MemorySize relayWholeUpTo();

    /** Longest request URI (path and query) the gateway accepts; longer ones are a 400 in the envelope. */
    int maxUriLength();

    interface Upstream {
        String url();
    }

    interface UpstreamDefaults {
        Duration connectTimeout();

        Duration responseTimeout();

        int maxConnections();

        /** What a 503 tells the client to wait when an upstream is down. */
        Duration retryAfter();

        /** Requests in the rolling window of an upstream's circuit breaker. */
        int breakerRequests();

        /** Share of failed requests in that window that opens the breaker. */
        double breakerFailureRatio();

        /** How long an open breaker answers 503 at once before trial requests. */
        Duration breakerOpenFor();

        /** Concurrent requests per upstream, and how many more may wait. */
        int bulkheadLimit();

        int bulkheadQueue();

        /** Requests one organization may have in flight to one upstream (a share of the bulkhead); beyond, 429. */
        int perOrganizationLimit();

        /** Pause before the one retry of an idempotent request. */
        Duration retryDelay();
    }

    interface Route {
        /** Exact path, or a prefix ending in {@code /**} that also matches the prefix itself. */
        String path();

        String upstream();

        /** Scope for GET and HEAD. */
        Optional<String> readScope();

        /** Scope for every other method. */
        Optional<String> writeScope();

        /** {@code api-key}, {@code session} or {@code any}. */
        @WithDefault("api-key")
        String auth();

        /** Which organization-wide rate-limit class the route counts against: general or search. */
        @WithDefault("general")
        String rateClass();

        /**
         * Largest body other than a multipart upload the route accepts: the upstream's own HTTP limit, so
         * that the gateway answers 413 itself instead of streaming into a connection the upstream closes.
         * Unset: {@code gateway.max-body-default}.
         */
        Optional<MemorySize> maxBody();

        /** Whether the route takes multipart CV uploads, which get {@code gateway.max-body-upload}. */
        @WithDefault("false")
        boolean uploads();

        /**
         * Whether the route's answers may carry a secret shown only once (a new API key, a webhook signing
         * secret): such answers are never kept for an Idempotency-Key replay.
         */
        @WithDefault("false")
        boolean secretAnswers();
    }

    interface InternalTokenConfig {
        String issuer();

        String audience();

        Duration lifetime();
    }

    interface KeyCache {
        Duration localTtl();

        /** How long an unknown key stays refused without asking the keys-service again. */
        Duration negativeTtl();

        /** Most unknown keys remembered, apart from the verified ones (a flood of made-up keys cannot evict real ones). */
        int negativeMaxEntries();

        /** Unknown well-formed keys one client address may present per {@link #failedAttemptsWindow()} before it gets 429. */
        int failedAttemptsPerAddress();

        Duration failedAttemptsWindow();

        /** Verifications waiting for the keys-service at once; beyond, a request gets 503 at once and nobody else is affected. */
        int maxConcurrentLookups();

        Duration redisTtl();

        int maxEntries();
    }

    interface Sessions {
        /** How long a dashboard user's standing (member, role, plan access) is trusted before asking the keys-service again. */
        java.time.Duration standingTtl();

        int maxCachedStandings();

        /** Dashboard requests per user per minute and per hour, and per organization per minute (all its users). */
        int perUserPerMinute();

        int perUserPerHour();

        int perOrganizationPerMinute();
    }

    interface Usage {
        Duration flushInterval();
    }
}
