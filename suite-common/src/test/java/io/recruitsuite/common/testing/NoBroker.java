package io.recruitsuite.common.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A service started with no Kafka broker to reach (nothing listens on port 1): what a pod sees when it
 * starts, or runs, during a broker outage.
 */
public class NoBroker implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
    }
}
