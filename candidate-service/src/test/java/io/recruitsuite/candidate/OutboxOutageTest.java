package io.recruitsuite.candidate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.testing.TestKafka;
import io.recruitsuite.common.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.recruitsuite.candidate.JobsTest.jobsWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox through a real broker outage: the local Kafka broker is stopped, 200 changes are made,
 * the broker is started again, and every event arrives, in order per organization. The broker is
 * restarted in a finally block, so a failing test never leaves the machine without Kafka.
 */
@QuarkusTest
class OutboxOutageTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path KAFKA_PID = ROOT.resolve(".suite/pids/kafka.pid");
    private static final int CHANGES = 200;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    @Inject
    Pool pool;

    @Test
    void everyEventWaitsOutTheOutageAndArrivesInOrderPerOrganization() throws Exception {
        String orgA = TestTokens.newOrganizationId();
        String orgB = TestTokens.newOrganizationId();
        assertTrue(brokerUp(), "Kafka must run before the test (./suite infra)");
        try {
            stopBroker();
            for (int i = 0; i < CHANGES; i++) {
                jobsWriter(i % 2 == 0 ? orgA : orgB).body(Map.of("title", title(i))).post("/api/v1/jobs").then().statusCode(201);
            }
            assertEquals(CHANGES, unpublished(orgA, orgB), "with the broker away every event waits in the outbox");
            startBroker();
        } finally {
            if (!brokerUp()) {
                startBroker();
            }
        }
        for (String org : List.of(orgA, orgB)) {
            // delivery is at least once: consumers keep the first copy of each event id, and so does this check
            List<JsonNode> events = firstCopies(TestKafka.events(Topics.CANDIDATE_EVENTS, org,
                    found -> firstCopies(found).size() >= CHANGES / 2, Duration.ofSeconds(90)));
            List<String> expected = new ArrayList<>();
            for (int i = org.equals(orgA) ? 0 : 1; i < CHANGES; i += 2) {
                expected.add(title(i));
            }
            assertEquals(expected, events.stream().map(e -> e.path("data").path("title").asText()).toList());
        }
        assertEquals(0, unpublished(orgA, orgB));
    }

    private static List<JsonNode> firstCopies(List<JsonNode> events) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return events.stream().filter(e -> seen.add(e.path("id").asText())).toList();
    }

    private static String title(int i) {
        return String.format("Outage job %03d", i);
    }

    private long unpublished(String orgA, String orgB) {
        return pool.preparedQuery("select count(*) from outbox where published_at is null and record_key in ($1, $2)")
                .execute(Tuple.of(orgA, orgB))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static void stopBroker() throws Exception {
        long pid = Long.parseLong(Files.readString(KAFKA_PID).trim());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no Kafka process " + pid));
        broker.destroy();
        broker.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (brokerUp()) {
            assertTrue(System.nanoTime() < deadline, "Kafka still listening after SIGTERM");
            Thread.sleep(200);
        }
    }

    private static void startBroker() throws Exception {
        Path log = Files.createTempFile("suite-infra", ".log");
        Process infra = new ProcessBuilder("./suite", "infra").directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!infra.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            infra.destroy();
            throw new IllegalStateException("./suite infra did not finish in " + START_TIMEOUT + ": " + Files.readString(log));
        }
        assertEquals(0, infra.exitValue(), "./suite infra failed: " + Files.readString(log));
        assertTrue(brokerUp(), "Kafka is not listening after ./suite infra");
    }

    private static boolean brokerUp() {
        String[] hostPort = TestKafka.bootstrapServers().split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
