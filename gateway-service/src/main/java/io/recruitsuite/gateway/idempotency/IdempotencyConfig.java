package io.recruitsuite.gateway.idempotency;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "gateway.idempotency")
public interface IdempotencyConfig {

    /** How long the first answer to a key is kept and replayed. */
    Duration ttl();

    /** How long a key stays claimed by a request still under way (it is released on its answer or failure). */
    Duration inFlightTtl();

    /** Longest key accepted. */
    int maxKeyLength();

    /** Largest answer kept for replay; a larger one is sent but not kept (the key is released). */
    MemorySize maxStoredResponse();
}
