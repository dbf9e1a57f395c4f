package io.recruitsuite.webhook;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "webhooks")
public interface WebhooksConfig {

    /** Allow http:// endpoints (local development only). */
    boolean allowHttp();

    /** Hosts exempt from the private-address policy; meant for local receivers. */
    List<String> allowedHosts();

    /** File with the hex AES-256 key that encrypts endpoint secrets at rest. */
    Path secretKeyFile();

    /** How long the previous secret keeps signing after a rotation. */
    Duration rotationOverlap();

    int maxEndpointsPerOrganization();

    Duration attemptTimeout();

    /** Delay before each retry; its length is the number of retries. */
    List<Duration> retrySchedule();

    /** Each delay varies by up to this share, so retries of many deliveries do not arrive together. */
    double retryJitter();

    /** Upper bound for a receiver's Retry-After. */
    Duration maxRetryAfter();

    int failuresBeforePause();

    Duration pollInterval();

    int batchSize();

    int perEndpointConcurrency();

    /** How long a claimed delivery stays reserved for the replica that claimed it. */
    Duration lease();

    int responseExcerptChars();
}
