import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.Locale;
import java.util.Set;

/**
 * The floor of a proxy hop on this machine, for {@code ./suite bench gateway} with {@code BENCH_BARE=1}: a bare
 * Vert.x HTTP/1.1 proxy (the same Vert.x and Netty as the gateway, as many event loops as Quarkus gives it) that
 * forwards each request with its headers to one upstream and relays the answer. No authentication, limits, tracing,
 * metrics, logging or routing: what is left is the two HTTP exchanges every proxy pays for.
 *
 * <p>Run with the source launcher and the gateway's own jars:
 * {@code java -cp 'gateway-service/target/quarkus-app/lib/main/*' deploy/bench/BareProxy.java PORT UPSTREAM_PORT}.
 */
public class BareProxy extends AbstractVerticle {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade", "host", "content-length");

    private final int port;
    private final int upstreamPort;

    BareProxy(int port, int upstreamPort) {
        this.port = port;
        this.upstreamPort = upstreamPort;
    }

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(request -> {
            request.pause();
            RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                    .setPort(upstreamPort).setURI(request.uri());
            client.request(options).onFailure(e -> request.response().setStatusCode(502).end()).onSuccess(upstream -> {
                request.headers().forEach(h -> {
                    if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                        upstream.putHeader(h.getKey(), h.getValue());
                    }
                });
                String length = request.getHeader("content-length");
                if (length != null) {
                    upstream.putHeader("content-length", length);
                }
                request.resume();
                upstream.send(request).onFailure(e -> request.response().setStatusCode(502).end()).onSuccess(answer -> {
                    var response = request.response().setStatusCode(answer.statusCode());
                    answer.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                            response.putHeader(h.getKey(), h.getValue());
                        }
                    });
                    answer.body().onSuccess(response::end).onFailure(e -> response.setStatusCode(502).end());
                });
            });
        }).listen().onFailure(e -> {
            e.printStackTrace();
            System.exit(1);
        });
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new BareProxy(port, upstreamPort), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare proxy on 127.0.0.1:" + port + " -> 127.0.0.1:" + upstreamPort))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
