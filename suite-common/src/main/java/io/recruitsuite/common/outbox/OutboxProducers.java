package io.recruitsuite.common.outbox;

import io.recruitsuite.common.events.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/** The producer an outbox relay needs: idempotent, acks from all replicas, and bounded blocking when the broker is away. */
public final class OutboxProducers {

    private OutboxProducers() {
    }

    public static Producer<String, String> create(KafkaClients clients, String clientId, Duration sendTimeout) {
        int timeoutMs = (int) sendTimeout.toMillis();
        return new KafkaProducer<>(clients.properties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // one request at a time: with five, the requests behind one whose records expired while the broker was away
                // were already on the wire when the relay closed the producer, and landed ahead of the expired records the
                // next run sends again (seen once in OutboxOutageTest on a loaded machine: an organization's 41st to 200th
                // events before its 1st to 40th). A request carries every partition's batch, so the relay loses little.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs - 1000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs)),
                new StringSerializer(), new StringSerializer());
    }
}
