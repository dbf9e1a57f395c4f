package io.recruitsuite.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives the service under test a broker of its own whose only client listener is SASL_SSL with
 * SCRAM-SHA-512 ({@link TestBroker#startSecured()}), and the service the {@code kafka.*} settings to
 * reach it (bootstrap servers, security protocol, SASL mechanism and login, truststore), the way a
 * deployment sets them. {@link #broker()} is that broker while the test runs.
 */
public class SecuredBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestBroker broker;

    public static TestBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = TestBroker.startSecured();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a secured test broker", e);
        }
        Map<String, String> config = new HashMap<>();
        broker.clientProperties().forEach((name, value) -> config.put("kafka." + name, value));
        return config;
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
