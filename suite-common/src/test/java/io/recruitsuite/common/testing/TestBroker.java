package io.recruitsuite.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, from the same Maven Central jars {@code ./suite infra} fetched) of a test's
 * own: its own ports and data directory, so a test can stop and start it without touching the broker
 * that other stacks on the machine use. The jars are read from {@code rs.kafka.lib} (system property),
 * by default {@code ../.suite/kafka/lib} from a module's directory.
 */
public final class TestBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int port;
    private Process process;

    private TestBroker(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Formats a fresh data directory and starts the broker. */
    public static TestBroker start() throws IOException, InterruptedException {
        Path lib = Path.of(System.getProperty("rs.kafka.lib", "../.suite/kafka/lib")).toAbsolutePath().normalize();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Kafka jars in " + lib + ": run ./suite infra once");
        }
        Path home = Files.createTempDirectory("test-broker");
        int port = freePort();
        int controller = freePort();
        Files.writeString(home.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0", ""));
        Files.writeString(home.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=WARN, stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
        TestBroker broker = new TestBroker(home, port);
        broker.run(lib, "kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", home.resolve("server.properties").toString()).waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        broker.libraries = lib;
        broker.resume();
        return broker;
    }

    private Path libraries;

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again on the same ports and data. */
    public void resume() throws IOException, InterruptedException {
        process = run(libraries, "kafka.Kafka", home.resolve("server.properties").toString());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the test broker did not start; see " + home.resolve("broker.log"));
            }
            Thread.sleep(200);
        }
    }

    /** Stops the broker (SIGTERM) and waits until it no longer listens. */
    public void pause() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    public boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        pause();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private Process run(Path lib, String mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx384m",
                "-Dlog4j.configuration=file:" + home.resolve("log4j.properties"), "-cp", lib + "/*", mainClass));
        command.addAll(List.of(args));
        Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        // the broker must not outlive the test JVM, whatever ends it
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
