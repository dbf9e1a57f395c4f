package io.recruitsuite.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, from the same Maven Central jars {@code ./suite infra} fetched) of a test's
 * own: its own ports and data directory, so a test can stop and start it without touching the broker
 * that other stacks on the machine use. The jars are read from {@code rs.kafka.lib} (system property),
 * by default {@code ../.suite/kafka/lib} from a module's directory.
 *
 * <p>{@link #start()} gives a PLAINTEXT client listener. {@link #startSecured()} gives one that speaks
 * SASL_SSL with SCRAM-SHA-512 only, as the production cluster's does: a throwaway self-signed
 * certificate for 127.0.0.1 (PKCS12, made with the JDK's {@code keytool} in the temporary directory),
 * a truststore holding it, and one SCRAM user created when the storage is formatted; inter-broker
 * traffic uses the same listener and login, and only the controller listener is plain.
 * {@link #clientProperties()} are the settings a client needs to reach it.
 */
public final class TestBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** The SCRAM mechanism of a secured broker, the one the production listener uses. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final Path home;
    private final int port;
    private final Map<String, String> clientProperties;
    private final Map<Process, Thread> hooks = new java.util.concurrent.ConcurrentHashMap<>();
    private Process process;

    private TestBroker(Path home, int port, Map<String, String> clientProperties) {
        this.home = home;
        this.port = port;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /** Formats a fresh data directory and starts the broker, with a PLAINTEXT client listener. */
    public static TestBroker start() throws IOException, InterruptedException {
        Path lib = libraries();
        Path home = Files.createTempDirectory("test-broker");
        int port = freePort();
        int controller = freePort();
        writeConfig(home, controller, List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT"));
        TestBroker broker = new TestBroker(home, port, Map.of("bootstrap.servers", "127.0.0.1:" + port));
        broker.format(lib);
        broker.libraries = lib;
        broker.resume();
        return broker;
    }

    /**
     * Formats a fresh data directory and starts a broker whose only client listener is SASL_SSL with
     * SCRAM-SHA-512 (see the class comment); {@link #clientProperties()} holds the login and truststore.
     */
    public static TestBroker startSecured() throws IOException, InterruptedException {
        Path lib = libraries();
        Path home = Files.createTempDirectory("test-broker");
        int port = freePort();
        int controller = freePort();
        String storePassword = secret();
        String user = "recruit-test";
        String password = secret();
        Path keystore = home.resolve("broker.p12");
        Path truststore = home.resolve("truststore.p12");
        Path certificate = home.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", storePassword);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-file", certificate.toString(),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", storePassword);
        keytool("-importcert", "-noprompt", "-alias", "test-broker-ca", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", storePassword);
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
        writeConfig(home, controller, List.of(
                "listeners=SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=SASL_SSL://127.0.0.1:" + port,
                "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=SASL_SSL",
                "sasl.enabled.mechanisms=" + SCRAM_MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + SCRAM_MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + jaas,
                "ssl.keystore.location=" + keystore,
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "ssl.keystore.type=PKCS12",
                // the broker is its own inter-broker client: it trusts its own certificate
                "ssl.truststore.location=" + truststore,
                "ssl.truststore.password=" + storePassword,
                "ssl.truststore.type=PKCS12",
                "ssl.client.auth=none"));
        Map<String, String> client = new LinkedHashMap<>();
        client.put("bootstrap.servers", "127.0.0.1:" + port);
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", SCRAM_MECHANISM);
        client.put("sasl.jaas.config", jaas);
        client.put("ssl.truststore.location", truststore.toString());
        client.put("ssl.truststore.password", storePassword);
        client.put("ssl.truststore.type", "PKCS12");
        TestBroker broker = new TestBroker(home, port, client);
        broker.format(lib, "--add-scram", SCRAM_MECHANISM + "=[name=" + user + ",password=" + password + "]");
        broker.libraries = lib;
        broker.resume();
        return broker;
    }

    private static Path libraries() {
        Path lib = Path.of(System.getProperty("rs.kafka.lib", "../.suite/kafka/lib")).toAbsolutePath().normalize();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no Kafka jars in " + lib + ": run ./suite infra once");
        }
        return lib;
    }

    private static void writeConfig(Path home, int controller, List<String> listeners) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "controller.listener.names=CONTROLLER"));
        lines.addAll(listeners);
        lines.addAll(List.of(
                "log.dirs=" + home.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0", ""));
        Files.writeString(home.resolve("server.properties"), String.join("\n", lines));
        Files.writeString(home.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=WARN, stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
    }

    private void format(Path lib, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", home.resolve("server.properties").toString()));
        args.addAll(List.of(extra));
        Process formatting = run(lib, "kafka.tools.StorageTool", args.toArray(String[]::new));
        boolean ended = formatting.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            formatting.destroyForcibly().waitFor();
        }
        forget(formatting);
        if (!ended || formatting.exitValue() != 0) {
            throw new IllegalStateException("the test broker's storage was not formatted; see " + home.resolve("broker.log"));
        }
    }

    private Path libraries;

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * What a Kafka client needs to reach this broker, as Kafka client property names
     * ({@code bootstrap.servers}, and for a secured broker {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.*}); prefixed with
     * {@code kafka.} they are a service's configuration.
     */
    public Map<String, String> clientProperties() {
        return clientProperties;
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
        forget(process);
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
        Thread hook = new Thread(started::destroyForcibly, "test-broker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        hooks.put(started, hook);
        return started;
    }

    /**
     * Drops the shutdown hook of a process that has ended: a registered hook holds this class, and so
     * the class loader of the Quarkus application that ran the test, for as long as the JVM lives
     * (a native library that loader loaded, such as an embedding model's tokenizer, could then not be
     * loaded by the next application of the same test JVM).
     */
    private void forget(Process ended) {
        Thread hook = hooks.remove(ended);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway, and destroying an ended process is harmless
            }
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
