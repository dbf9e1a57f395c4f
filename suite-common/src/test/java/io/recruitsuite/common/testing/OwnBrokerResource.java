package io.recruitsuite.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the service under test a Kafka broker of its own ({@link TestBroker}) for tests that stop and
 * start the broker; {@link #broker()} is that broker while the test runs.
 */
public class OwnBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestBroker broker;

    public static TestBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = TestBroker.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test broker", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            broker = null;
        }
    }
}
