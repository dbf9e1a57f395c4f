package io.recruitsuite.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keys-service that takes every connection and reads every request but never answers, on loopback. It counts the
 * key verifications it was asked for. The guard under test gets a timeout shorter than production's, spelt exactly as
 * production's keys are: a misspelt key would leave the annotation's own value in force.
 */
public class SilentKeysService implements QuarkusTestResourceLifecycleManager {

    static final long VERIFY_TIMEOUT_MILLIS = 300;
    static final AtomicInteger VERIFICATIONS = new AtomicInteger();

    private ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "silent-keys-service");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("gateway.upstreams.keys.url", "http://127.0.0.1:" + server.getLocalPort(),
                "io.recruitsuite.gateway.auth.KeysClient/verify/Timeout/value", Long.toString(VERIFY_TIMEOUT_MILLIS));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                Thread reader = new Thread(() -> read(connection), "silent-keys-service-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void read(Socket connection) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("POST /internal/v1/keys/verify ")) {
                    VERIFICATIONS.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // the gateway gave up on the connection, or the test ended
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            // closing a test's sockets: nothing left to do
        }
    }
}
