package io.recruitsuite.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every limit, timeout and schedule of the webhook service; values live in application.properties. */
@ConfigMapping(prefix = "webhooks")
public interface WebhooksConfig {

    /** Allow http:// endpoints (local development only). */
    boolean allowHttp();

    /** Hosts exempt from the private-address policy; meant for local receivers, empty in production. */
    Optional<List<String>> allowedHosts();

    /** Hex AES-256 key that encrypts endpoint secrets at rest (RS_WEBHOOK_SECRET_KEY); wins over the file. */
    Optional<String> secretKey();

    /** File with the hex AES-256 key, read when {@link #secretKey()} is not set and the file exists. */
    Optional<Path> secretKeyFile();

    /** The id stored with every secret sealed under the active key; a new key gets a new id. */
    @WithDefault("k1")
    String secretKeyId();

    /** Earlier keys by id, hex: they open the secrets they sealed until those are sealed again under the active key. */
    Map<String, String> retiredSecretKeys();

    /** How often stored secrets sealed under another key are sealed again under the active one, and how many at a time. */
    Reseal reseal();

    interface Reseal {
        Duration every();

        int batch();
    }

    /**
     * Development and test only: a passphrase the key is derived from when neither a key nor a key
     * file is available. Unset in production, where a missing key stops the service at start-up.
     */
    Optional<String> devSecretPassphrase();

    /** How long the previous secret keeps signing after a rotation. */
    Duration rotationOverlap();

    int maxEndpointsPerOrganization();

    /**
     * How long an organization whose plan has no API access keeps queueing its events (held, not sent); after that
     * new events are no longer queued for it. What was queued goes out when a plan with API access comes back.
     */
    Duration pausedOrganizationRetention();

    /** Time allowed for one attempt: connect, send, and the whole answer. */
    Duration attemptTimeout();

    /** Delay before each retry; its length is the number of retries. */
    List<Duration> retrySchedule();

    /** Each delay varies by up to this share, so retries of many deliveries do not arrive together. */
    double retryJitter();

    /** Upper bound for a receiver's Retry-After. */
    Duration maxRetryAfter();

    /** Consecutive failed attempts after which an endpoint is paused. */
    int failuresBeforePause();

    /** How often the queue is polled while deliveries flow (the worker found some lately or was told of new ones). */
    Duration pollInterval();

    /** How often the queue is polled when no delivery flows: another replica's expired leases wait at most this long. */
    Duration idlePollInterval();

    /** Most deliveries one replica has in flight at once. */
    int batchSize();

    /** Most deliveries of one endpoint in flight at once (per replica claim). */
    int perEndpointConcurrency();

    /** How long a claimed delivery stays reserved for the replica that claimed it. */
    Duration lease();

    /** Characters of a receiver's answer kept in the delivery log. */
    int responseExcerptChars();

    /** Page size of the endpoint and delivery lists when the caller gives none. */
    int defaultPageLimit();

    /** Largest page size a caller may ask for. */
    int maxPageLimit();

    /** Connections kept to all receivers together. */
    @WithDefault("200")
    int maxConnections();

    /** The organization's public event history, {@code GET /api/v1/events}. */
    History history();

    interface History {
        /** How long an event stays listed (the API promises 30 days). */
        Duration retention();

        /** How often events past the retention are deleted (read by the purge's schedule). */
        String purgeEvery();

        /** Events past the retention deleted per statement by the purge, so it never holds long locks. */
        int purgeBatch();
    }
}
