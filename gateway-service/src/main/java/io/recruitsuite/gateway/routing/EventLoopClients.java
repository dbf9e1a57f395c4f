package io.recruitsuite.gateway.routing;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pooled HTTP client to an upstream per event loop, each with its share of the upstream's connections.
 *
 * <p>Why not one client: its pool is shared by every event loop, and a connection is served by the event loop
 * that opened it. A request made on one loop then mostly gets another loop's connection, and its head, its
 * answer and its end each cross threads (a task queued on the other loop and a wake-up of it). With a client per
 * loop, every connection a request gets belongs to the loop serving the request, as in a bare proxy.
 */
public final class EventLoopClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final Map<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final HttpClient outsideEventLoops;

    /** {@code maxConnections}: the upstream's connections in all, divided among the event loops (at least one each). */
    public EventLoopClients(Vertx vertx, HttpClientOptions options, int maxConnections) {
        this.vertx = vertx;
        this.options = options;
        int loops = eventLoops(vertx);
        this.pool = new PoolOptions().setHttp1MaxSize(Math.max(1, (maxConnections + loops - 1) / loops));
        this.outsideEventLoops = vertx.createHttpClient(options, pool);
    }

    /** The calling event loop's client (a caller on no Vert.x context gets a client of its own). */
    public HttpClient current() {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        if (context == null) {
            return outsideEventLoops;
        }
        EventLoop loop = context.nettyEventLoop();
        HttpClient client = byLoop.get(loop);
        return client != null ? client : byLoop.computeIfAbsent(loop, l -> vertx.createHttpClient(options, pool));
    }

    private static int eventLoops(Vertx vertx) {
        int loops = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        return Math.max(1, loops);
    }
}
