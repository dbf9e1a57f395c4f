package io.recruitsuite.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class EventLoopClientsTest {

    private Vertx vertx;
    private HttpServer upstream;
    /** The client ports the upstream saw, by event loop of the caller: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startUpstream() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        upstream = vertx.createHttpServer()
                .requestHandler(request -> {
                    connections.add(request.remoteAddress().port());
                    // slow enough that the requests of one loop overlap and would want more connections
                    vertx.setTimer(50, t -> request.response().end("ok"));
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopHasItsOwnClientAndTheLoopsShareTheUpstreamsConnectionsInAll() throws Exception {
        EventLoopClients clients = new EventLoopClients(vertx, new HttpClientOptions().setKeepAlive(true), 2);
        // contexts are given event loops in turn: two contexts made one after the other run on the two loops
        ContextInternal first = ((VertxInternal) vertx).createEventLoopContext();
        ContextInternal second = ((VertxInternal) vertx).createEventLoopContext();
        assertNotSame(first.nettyEventLoop(), second.nettyEventLoop());
        HttpClient firstClient = now(first, clients::current);
        assertSame(firstClient, now(first, clients::current), "the same loop asks again");
        assertNotSame(firstClient, now(second, clients::current), "another loop");
        assertNotSame(firstClient, clients.current(), "a caller on no event loop");

        List<CompletableFuture<Void>> answered = new ArrayList<>();
        for (Context context : List.of(first, second)) {
            for (int i = 0; i < 3; i++) {
                answered.add(on(context, () -> get(clients.current())).thenCompose(f -> f.toCompletionStage()).toCompletableFuture());
            }
        }
        CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(2, connections.size(), "two connections in all (one per loop) for six overlapping requests: " + connections);
    }

    private Future<Void> get(HttpClient client) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                        .setPort(upstream.actualPort()).setURI("/"))
                .compose(request -> request.send().compose(response -> response.body()))
                .mapEmpty();
    }

    private static <T> CompletableFuture<T> on(Context context, java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(work.get()));
        return result;
    }

    private static <T> T now(Context context, java.util.function.Supplier<T> work) throws Exception {
        return on(context, work).get(10, TimeUnit.SECONDS);
    }
}
