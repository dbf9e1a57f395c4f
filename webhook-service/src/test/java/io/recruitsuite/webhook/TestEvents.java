package io.recruitsuite.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Publishes domain events to the real broker the way the other services do: keyed by organization, with routing headers. */
public final class TestEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (TestEvents.class) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.LINGER_MS_CONFIG, 0),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    /** The data candidate-service puts on document.upload, internal fields included. */
    public static ObjectNode uploadData(String eventId, String filename) {
        return MAPPER.createObjectNode().put("documentId", "doc_" + eventId.substring(0, 8)).put("candidateId", "cand_x")
                .put("filename", filename).put("candidateName", "Alice Johnson").put("candidateEmail", "alice@example.com")
                .put("fileSize", 2048).put("fileType", "pdf").put("wordCount", 450).put("uploadedAt", EventEnvelope.format(Instant.now()))
                .put("text", "SECRET CV TEXT that must never leave").put("stage", "screening")
                .set("tags", MAPPER.createArrayNode().add("internal-tag"));
    }

    public static String publishUpload(String org, String filename) {
        String eventId = UUID.randomUUID().toString();
        publish(org, eventId, "document.upload", uploadData(eventId, filename));
        return eventId;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public static void publish(String org, String eventId, String type, ObjectNode data) {
        try {
            send(org, eventId, type, data).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes without waiting, for bursts. */
    public static Future<?> send(String org, String eventId, String type, ObjectNode data) {
        return send(org, eventId, type, data, Instant.now());
    }

    /** Publishes an event stamped {@code at}, without waiting. */
    public static Future<?> send(String org, String eventId, String type, ObjectNode data, Instant at) {
        try {
            // the topic the catalogue names (member and plan events travel with the key events), else by prefix
            String topic = io.recruitsuite.common.events.Events.byName(type).map(t -> t.topic()).filter(t -> t != null)
                    .orElse(type.startsWith("search.") || type.startsWith("feedback.") ? Topics.SEARCH_EVENTS
                            : type.startsWith("key.") ? Topics.KEY_EVENTS : Topics.CANDIDATE_EVENTS);
            String json = MAPPER.writeValueAsString(new EventEnvelope(eventId, type, EventEnvelope.format(at), org, 1, data));
            ProducerRecord<String, String> record = new ProducerRecord<>(TestKafka.topic(topic), org, json);
            record.headers().add(new RecordHeader(Topics.HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader(Topics.HEADER_EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8)));
            return producer().send(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void flush() {
        producer().flush();
    }

    /** Polls {@code condition} every 50 ms until it holds or {@code timeout} passes. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
        fail("timed out waiting for " + what);
    }
}
