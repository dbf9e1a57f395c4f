package io.recruitsuite.webhook.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.recruitsuite.webhook.endpoints.EndpointRepository;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import io.recruitsuite.webhook.ssrf.TargetResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers queued webhooks. Each claimed delivery is sent on its own, so a slow or dead endpoint
 * holds only its own deliveries (at most {@code per-endpoint-concurrency} at a time), never the
 * others. Every attempt is logged; the outcome decides success, retry, pause or disable.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    EndpointRepository endpoints;
    @Inject
    TargetResolver resolver;
    @Inject
    SecretBox secrets;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    private HttpClient client;
    private RetrySchedule schedule;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    @PostConstruct
    void init() {
        int timeout = (int) config.attemptTimeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout / 1000 + 1)
                .setMaxPoolSize(200)
                .setVerifyHost(true)
                .setTrustAll(false));
        schedule = new RetrySchedule(config.retrySchedule(), config.retryJitter(), config.maxRetryAfter());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
        long deadline = System.nanoTime() + config.attemptTimeout().plusSeconds(1).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Scheduled(every = "${webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        int room = config.batchSize() - inFlight.get();
        if (stopping.get() || room <= 0) {
            return Uni.createFrom().voidItem();
        }
        return deliveries.claim(room, config.perEndpointConcurrency(), config.lease().toSeconds())
                .invoke(claimed -> claimed.forEach(d -> {
                    inFlight.incrementAndGet();
                    deliver(d).onTermination().invoke(inFlight::decrementAndGet)
                            .subscribe().with(x -> { }, e -> LOG.warnf("delivery %s: %s", d.id(), e.toString()));
                }))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.debugf("cannot claim deliveries now: %s", e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private record Outcome(Integer status, String excerpt, String error, Duration retryAfter, long latencyMs) {
    }

    Uni<Void> deliver(Delivery d) {
        return endpoints.findById(d.endpointId()).chain(endpoint -> {
            if (endpoint == null) {
                return Uni.createFrom().voidItem();
            }
            long started = System.nanoTime();
            return send(endpoint, d)
                    .onFailure().recoverWithItem(e -> new Outcome(null, null, describe(e), null, 0))
                    .map(o -> new Outcome(o.status(), o.excerpt(), o.error(), o.retryAfter(), (System.nanoTime() - started) / 1_000_000))
                    .chain(outcome -> settle(endpoint, d, outcome));
        });
    }

    private Uni<Outcome> send(Endpoint endpoint, Delivery d) {
        URI uri = URI.create(endpoint.url());
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        return resolver.resolve(uri).chain(target -> {
            String id = d.eventId().toString();
            long timestamp = System.currentTimeMillis() / 1000;
            String current = secrets.open(endpoint.secret());
            List<String> standard = new ArrayList<>();
            standard.add(Signatures.standard(current, id, timestamp, body));
            if (endpoint.previousSecret() != null && endpoint.previousSecretUntil() != null
                    && endpoint.previousSecretUntil().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
                standard.add(Signatures.standard(secrets.open(endpoint.previousSecret()), id, timestamp, body));
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    // connect to the address that was checked, name the host for TLS and Host
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.tls())
                    .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                    .setFollowRedirects(false)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "RecruitSuite-Webhooks/1")
                    .putHeader("X-Webhook-Signature", Signatures.legacy(current, body))
                    .putHeader("X-Webhook-Id", id)
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", String.join(" ", standard));
            return client.request(options)
                    .chain(request -> request.send(Buffer.buffer(body)))
                    .chain(this::read)
                    .ifNoItem().after(config.attemptTimeout()).failWith(() -> new java.util.concurrent.TimeoutException(
                            "no answer within " + config.attemptTimeout().toSeconds() + " s"));
        });
    }

    private Uni<Outcome> read(HttpClientResponse response) {
        int max = config.responseExcerptChars();
        return response.body().map(buffer -> {
            String text = buffer.length() > max * 4 ? buffer.getString(0, max * 4) : buffer.toString();
            String excerpt = text.length() > max ? text.substring(0, max) : text;
            return new Outcome(response.statusCode(), excerpt, null, RetrySchedule.parseRetryAfter(response.getHeader("Retry-After")), 0);
        });
    }

    private Uni<Void> settle(Endpoint endpoint, Delivery d, Outcome o) {
        Integer status = o.status();
        boolean success = status != null && status >= 200 && status < 300;
        boolean gone = status != null && status == 410;
        return pool.withTransaction(tx -> {
            Uni<Void> logged = deliveries.recordAttempt(tx, d.id(), status, (int) o.latencyMs(), o.excerpt(), o.error());
            if (success) {
                return logged.chain(() -> deliveries.succeeded(tx, d.id(), status))
                        .chain(() -> tx.preparedQuery("update webhook_endpoints set consecutive_failures = 0 where id = $1 and consecutive_failures > 0")
                                .execute(Tuple.of(endpoint.id())).replaceWithVoid());
            }
            if (gone) {
                LOG.infof("endpoint %s answered 410 Gone: disabled", endpoint.id());
                return logged.chain(() -> deliveries.failed(tx, d.id(), status, null))
                        .chain(() -> tx.preparedQuery("update webhook_endpoints set status = 'disabled', updated_at = now() where id = $1")
                                .execute(Tuple.of(endpoint.id())).replaceWithVoid());
            }
            boolean slowDown = status != null && (status == 429 || status == 502 || status == 503 || status == 504);
            Duration delay = schedule.next(d.attempts(), slowDown ? o.retryAfter() : null, ThreadLocalRandom.current());
            OffsetDateTime next = delay == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(delay);
            return logged.chain(() -> deliveries.failed(tx, d.id(), status, next))
                    .chain(() -> tx.preparedQuery("update webhook_endpoints set consecutive_failures = consecutive_failures + 1, "
                                    + "status = case when consecutive_failures + 1 >= $2 and status = 'active' then 'paused' else status end, "
                                    + "updated_at = now() where id = $1")
                            .execute(Tuple.of(endpoint.id(), config.failuresBeforePause())).replaceWithVoid());
        });
    }

    private static String describe(Throwable e) {
        if (e instanceof io.recruitsuite.common.error.ApiException api) {
            return "refused: " + api.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
