package io.recruitsuite.webhook;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local webhook receiver: a small Vert.x HTTP server on a loopback address and a random port,
 * whose answer the test sets (status, Retry-After, a delay before answering).
 */
public final class Receiver implements AutoCloseable {

    /** One event loop for every receiver of the test run; receivers never block it. */
    static final Vertx VERTX = Vertx.vertx();

    public record Received(MultiMap headers, byte[] body, String path, long receivedAtMillis, long receivedAtNanos) {
        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger status = new AtomicInteger(200);
    public volatile String retryAfter;
    public volatile long delayMillis;
    /** How many of the next requests fail with 500 before the status above applies again. */
    public final AtomicInteger failNext = new AtomicInteger();
    /** Requests being answered right now, and the most there ever were at once. */
    public final AtomicInteger concurrent = new AtomicInteger();
    public final AtomicInteger maxConcurrent = new AtomicInteger();
    private final HttpServer server;
    private final String host;

    public Receiver() {
        this("127.0.0.1");
    }

    public Receiver(String host) {
        this.host = host;
        try {
            server = VERTX.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                received.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.getBytes(), request.path(),
                        System.currentTimeMillis(), System.nanoTime()));
                int answer = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : status.get();
                String after = retryAfter;
                Runnable respond = () -> {
                    if (after != null) {
                        request.response().putHeader("Retry-After", after);
                    }
                    concurrent.decrementAndGet();
                    request.response().setStatusCode(answer).end("status " + answer);
                };
                if (delayMillis > 0) {
                    VERTX.setTimer(delayMillis, t -> respond.run());
                } else {
                    respond.run();
                }
            })).listen(0, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a receiver on " + host, e);
        }
    }

    public String url() {
        return url("/hooks");
    }

    public String url(String path) {
        return "http://" + host + ":" + server.actualPort() + path;
    }

    public List<Received> withBodyContaining(String text) {
        return received.stream().filter(r -> r.text().contains(text)).toList();
    }

    /** A URL on 127.0.0.1 where nothing listens: the port was free a moment ago. */
    public static String downUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
