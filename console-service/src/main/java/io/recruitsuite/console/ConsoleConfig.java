package io.recruitsuite.console;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;

/** Where the console finds the API, and how long what it holds for a signed-in person lives. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** The public API the console calls for the signed-in member, with a dashboard session (the gateway). */
    URI gatewayUrl();

    /** The keys-service, asked once per person and {@link #membershipTtl()} which organization and role they have. */
    URI keysUrl();

    /** The longest the console waits for the API or the keys-service before it shows an error. */
    Duration requestTimeout();

    /** How long a membership looked up at the keys-service is reused; a removed member loses the console within it. */
    Duration membershipTtl();

    /** At most this many memberships are remembered. */
    int maxCachedMemberships();

    SessionTokens sessionTokens();

    /** Rows per page of the candidate, key and delivery lists. */
    int pageSize();

    /** How many days of hourly usage the overview charts. */
    int usageDays();

    interface SessionTokens {
        /** The dashboard session tokens' issuer and audience: the gateway verifies both. */
        String issuer();

        String audience();

        /** Each API call gets a token of its own, valid this long. */
        Duration lifetime();
    }
}
