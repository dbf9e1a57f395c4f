package io.recruitsuite.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes the real local broker from tests, the way any other service would. */
public final class TestKafka {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestKafka() {
    }

    /** The broker of the service under test (a test may give it a broker of its own). */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092");
    }

    /**
     * The physical name of a logical topic in the service under test: its test run's own topics. A test
     * that starts a packaged service itself gives it a prefix and sets the same as a system property.
     */
    public static String topic(String logical) {
        String prefix = System.getProperty(KafkaClients.TOPIC_PREFIX);
        if (prefix == null) {
            prefix = ConfigProvider.getConfig().getOptionalValue(KafkaClients.TOPIC_PREFIX, String.class).orElse("");
        }
        return prefix + logical;
    }

    /**
     * Reads the logical {@code topic} from the beginning with a fresh consumer group and returns the event values
     * (parsed JSON envelopes) of {@code organizationId} once {@code done} holds for them, or what was
     * found when {@code timeout} passes.
     */
    public static List<JsonNode> events(String topic, String organizationId, Predicate<List<JsonNode>> done, Duration timeout) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic(topic)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(found)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (organizationId.equals(record.key())) {
                        found.add(MAPPER.readTree(record.value()));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** One record as the services write it: the envelope and its routing headers. */
    public record Raw(String eventId, String type, String json) {
    }

    /** Publishes raw envelopes, keyed by organization, with the routing headers the services write. */
    public static void publish(String topic, String organizationId, String eventId, String type, String json) {
        publishAll(topic, organizationId, List.of(new Raw(eventId, type, json)));
    }

    /** Publishes records in order with one producer, so that a consumer reads them in as few polls as possible. */
    public static void publishAll(String topic, String organizationId, List<Raw> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (Raw raw : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic(topic), organizationId, raw.json());
                record.headers().add(new RecordHeader("event-type", raw.type().getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader("event-id", raw.eventId().getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (var f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
