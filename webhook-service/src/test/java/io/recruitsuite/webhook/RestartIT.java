package io.recruitsuite.webhook;

import io.recruitsuite.common.testing.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.recruitsuite.webhook.TestEvents.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged service, stopped with SIGTERM in the middle of a burst and started again as a new
 * process on the same database and consumer group: every (event, endpoint) arrives exactly once.
 */
class RestartIT {

    private static final String TOPIC_PREFIX = "restart-it-" + java.util.UUID.randomUUID() + ".";

    private final List<Process> processes = new ArrayList<>();

    @org.junit.jupiter.api.BeforeAll
    static void ownTopics() {
        System.setProperty(io.recruitsuite.common.events.KafkaClients.TOPIC_PREFIX, TOPIC_PREFIX);
    }

    @org.junit.jupiter.api.AfterAll
    static void sharedTopicsAgain() {
        System.clearProperty(io.recruitsuite.common.events.KafkaClients.TOPIC_PREFIX);
    }
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        processes.forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receivers.forEach(Receiver::close);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts target/quarkus-app as the local stacks run it (prod profile, local hosts allowed) and waits until it is ready. */
    Process start(String name, int port) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the service first (mvn verify does)");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "restart-it-" + name + ".log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("RS_DB_NAME", "recruit_webhooks_test");
        env.put("RS_INSTANCE", "restart-it");
        env.put("RS_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("RS_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        // topics of this test's own: no other stack's records on the broker reach the service
        env.put("RS_TOPIC_PREFIX", TOPIC_PREFIX);
        Process process = builder.start();
        processes.add(process);
        // should this JVM be stopped before @AfterEach runs, the service must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + "; see target/restart-it-" + name + ".log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    RestAssured.port = port;
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail(name + " not ready within 60 s");
        return process;
    }

    static int total(List<Receiver> receivers) {
        return receivers.stream().mapToInt(r -> r.received.size()).sum();
    }

    @Test
    void noDuplicateDeliveryAcrossARestartInTheMiddleOfABurst() throws Exception {
        Process first = start("first", freePort());

        // the consumer is assigned and reading: a probe event goes through
        String probeOrg = TestTokens.newOrganizationId();
        Receiver probe = new Receiver();
        receivers.add(probe);
        Api.register(probeOrg, probe.url(), null);
        long probeDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (probe.received.isEmpty() && System.nanoTime() < probeDeadline) {
            TestEvents.publishUpload(probeOrg, "probe.pdf");
            Thread.sleep(1000);
        }
        assertTrue(!probe.received.isEmpty(), "the first process delivers");

        String org = TestTokens.newOrganizationId();
        List<Receiver> targets = List.of(new Receiver(), new Receiver(), new Receiver());
        receivers.addAll(targets);
        List<String> endpointIds = new ArrayList<>();
        for (Receiver r : targets) {
            // deliveries stay in flight while the process is told to stop; the burst (300 at 1 s each, 4 per endpoint at a
            // time) outlasts the 5 s shutdown delay, during which the stopping process still delivers
            r.delayMillis = 1000;
            endpointIds.add(Api.register(org, r.url(), null).id());
        }
        int events = 100;
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            TestEvents.send(org, id, "document.upload", TestEvents.uploadData(id, "burst-" + i + ".pdf"));
        }
        TestEvents.flush();
        int expected = events * targets.size();
        await("the burst under way", Duration.ofSeconds(30), () -> total(targets) >= expected / 5);

        first.destroy(); // SIGTERM, as Kubernetes stops a pod
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first process stops");
        int deliveredBeforeRestart = total(targets);
        assertTrue(deliveredBeforeRestart < expected, "stopped in the middle of the burst: " + deliveredBeforeRestart);

        start("second", freePort());
        await("every delivery after the restart", Duration.ofSeconds(60), () -> total(targets) >= expected);
        Thread.sleep(1500); // a duplicate would arrive now

        Map<String, Integer> perPair = new HashMap<>();
        for (Receiver r : targets) {
            for (Receiver.Received got : r.received) {
                perPair.merge(r.url() + " " + got.header("webhook-id"), 1, Integer::sum);
            }
        }
        assertEquals(expected, perPair.size(), "every (event, endpoint) delivered");
        assertEquals(List.of(), perPair.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                "none delivered twice");
        for (String endpointId : endpointIds) {
            List<Map<String, Object>> log = Api.as(org).queryParam("limit", 100).get("/api/v1/webhooks/" + endpointId + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("data");
            assertEquals(events, log.size());
            assertTrue(log.stream().allMatch(d -> "succeeded".equals(d.get("status")) && Integer.valueOf(1).equals(d.get("attempts"))),
                    "each delivered at its first attempt");
        }
    }
}
