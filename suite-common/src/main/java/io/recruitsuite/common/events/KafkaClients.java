package io.recruitsuite.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a service's plain Kafka clients (the outbox producer, the reindex consumer) get
 * their settings: every {@code kafka.*} property of the service's configuration, the same set SmallRye
 * Reactive Messaging gives its channels, so bootstrap servers, SASL and TLS settings reach every client.
 * It also maps the suite's logical topic names to the deployment's physical ones
 * ({@code rs.kafka.topic-prefix}, empty in production; a test run sets its own so that no other stack's
 * records reach it).
 */
@ApplicationScoped
public class KafkaClients {

    public static final String TOPIC_PREFIX = "rs.kafka.topic-prefix";
    private static final String KAFKA = "kafka.";

    private final Map<String, Object> common;
    private final String topicPrefix;

    @Inject
    public KafkaClients(Config config) {
        this(commonProperties(config), config.getOptionalValue(TOPIC_PREFIX, String.class));
    }

    KafkaClients(Map<String, Object> common, Optional<String> topicPrefix) {
        this.common = Map.copyOf(common);
        this.topicPrefix = topicPrefix.orElse("");
    }

    /** The physical name of a topic of {@link Topics} on this deployment. */
    public String topic(String logical) {
        return topicPrefix + logical;
    }

    /** The shared client settings plus the client's own (which win). */
    public Map<String, Object> properties(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }

    static Map<String, Object> commonProperties(Config config) {
        Map<String, Object> props = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(KAFKA) && name.length() > KAFKA.length()) {
                config.getOptionalValue(name, String.class).ifPresent(value -> props.put(name.substring(KAFKA.length()), value));
            }
        }
        return props;
    }
}
