import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Prints every record of the given topics as "topic TAB event-id TAB event-type TAB partition TAB offset TAB timestamp",
 * from the first offset to the end offset at start (no consumer group, nothing committed).
 * Run by ./suite with the broker's own jars on the class path: java -cp 'lib/*' TopicDump host:port topic…
 */
public final class TopicDump {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    public static void main(String[] args) {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                var infos = c.partitionsFor(args[i], METADATA_TIMEOUT);
                if (infos != null) {
                    infos.forEach(info -> parts.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, METADATA_TIMEOUT);
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    System.out.println(r.topic() + "\t" + header(r, "event-id") + "\t" + header(r, "event-type") + "\t" + r.partition() + "\t" + r.offset()
                            + "\t" + r.timestamp());
                }
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
