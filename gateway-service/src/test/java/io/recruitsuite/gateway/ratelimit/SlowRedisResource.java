package io.recruitsuite.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the gateway's Redis client at a {@link LatencyProxy} in front of the local Redis. */
public class SlowRedisResource implements QuarkusTestResourceLifecycleManager {

    static LatencyProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new LatencyProxy(6379);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
