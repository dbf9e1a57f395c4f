package io.recruitsuite.keys.usage;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How long hourly usage is kept, and how far back a caller may ask for it. */
@ConfigMapping(prefix = "keys.usage")
public interface UsageConfig {

    /** Hours older than this are deleted by the hourly purge. */
    Duration hourlyRetention();

    /** The most days {@code GET /api/v1/usage?days=} answers (at most the retention). */
    int maxDays();

    /** Days answered when the caller does not say. */
    int defaultDays();
}
