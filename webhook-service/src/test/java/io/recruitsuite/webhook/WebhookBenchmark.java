package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.recruitsuite.webhook.TestEvents.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events published to Kafka → delivered to a fast local receiver, with 100 endpoints across 10
 * organizations: deliveries per second and the latency from publish to receipt. Runs only when
 * asked ({@code -Dbenchmark.webhooks=true}, see bench/delivery-benchmark.sh) and writes its
 * figures to target/webhook-benchmark.md.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark.webhooks", matches = "true")
class WebhookBenchmark {

    static final int ORGANIZATIONS = 10;
    static final int ENDPOINTS_PER_ORGANIZATION = 10;

    record Run(String name, int events, int deliveries, double seconds, List<Long> latenciesMicros) {
        double perSecond() {
            return deliveries / seconds;
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    @Test
    void deliveriesPerSecondAndPublishToReceiptLatency() throws Exception {
        int burstPerOrganization = Integer.getInteger("benchmark.events-per-org", 50);
        double pacedRate = Double.parseDouble(System.getProperty("benchmark.paced-events-per-second", "20"));
        int pacedEvents = Integer.getInteger("benchmark.paced-events", 200);

        List<String> organizations = new ArrayList<>();
        try (Receiver receiver = new Receiver()) {
            for (int o = 0; o < ORGANIZATIONS; o++) {
                String org = TestTokens.newOrganizationId();
                organizations.add(org);
                for (int e = 0; e < ENDPOINTS_PER_ORGANIZATION; e++) {
                    Api.register(org, receiver.url("/o" + o + "/e" + e), null);
                }
            }
            Map<String, Long> publishedAt = new ConcurrentHashMap<>();
            run("warm-up", receiver, organizations, publishedAt, ORGANIZATIONS, 0);
            Run burst = run("burst", receiver, organizations, publishedAt, burstPerOrganization * ORGANIZATIONS, 0);
            Run paced = run("paced", receiver, organizations, publishedAt, pacedEvents, pacedRate);

            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "%d endpoints across %d organizations, one fast local receiver%n%n",
                    ORGANIZATIONS * ENDPOINTS_PER_ORGANIZATION, ORGANIZATIONS));
            report.append("| run | events | deliveries | deliveries/s | p50 publish→receipt | p95 publish→receipt |\n");
            report.append("|---|---|---|---|---|---|\n");
            for (Run r : List.of(burst, paced)) {
                String name = r == paced ? String.format(Locale.ROOT, "paced, %.0f events/s", pacedRate) : "burst (all published at once)";
                report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f ms | %.0f ms |%n", name, r.events(), r.deliveries(),
                        r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.95)));
            }
            System.out.println("\n" + report);
            Files.writeString(Path.of("target", "webhook-benchmark.md"), report.toString());
        }
    }

    /** Publishes {@code events} round-robin over the organizations (all at once, or at {@code rate} per second) and waits for every delivery. */
    private Run run(String name, Receiver receiver, List<String> organizations, Map<String, Long> publishedAt, int events, double rate) {
        receiver.received.clear();
        int expected = events * ENDPOINTS_PER_ORGANIZATION;
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1_000_000_000L / rate);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publishedAt.put(id, System.nanoTime());
            TestEvents.send(organizations.get(i % organizations.size()), id, "document.upload", TestEvents.uploadData(id, name + i + ".pdf"));
        }
        TestEvents.flush();
        await(name + ": " + expected + " deliveries", Duration.ofMinutes(5), () -> receiver.received.size() >= expected);
        long end = receiver.received.stream().mapToLong(Receiver.Received::receivedAtNanos).max().orElseThrow();
        assertEquals(expected, receiver.received.size(), "no duplicates");
        List<Long> latencies = receiver.received.stream()
                .map(r -> (r.receivedAtNanos() - publishedAt.get(r.header("webhook-id"))) / 1000).toList();
        return new Run(name, events, expected, (end - start) / 1e9, latencies);
    }
}
