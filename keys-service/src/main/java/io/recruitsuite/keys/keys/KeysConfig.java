package io.recruitsuite.keys.keys;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "keys")
public interface KeysConfig {

    /** File holding the HMAC pepper (at least 16 bytes); mounted from a Secret in production. */
    Path pepperFile();

    /** "live" or "test": which key prefix this deployment issues. */
    String environment();

    /** A key unused this long raises one {@code key.inactive} event. */
    Duration inactivityAfter();

    /** How often expiry and inactivity are checked (a scheduler interval such as {@code 1m}). */
    String lifecycleCheck();
}
