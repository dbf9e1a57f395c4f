package io.recruitsuite.webhook.delivery;

import io.recruitsuite.webhook.endpoints.EndpointStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.polling.PollCadence;
import io.recruitsuite.webhook.ingest.PublicEvents;
import io.recruitsuite.common.tracing.TraceParent;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.delivery.DeliveryRepository.Outcome;
import io.recruitsuite.webhook.delivery.DeliveryRepository.Settlement;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import io.recruitsuite.webhook.ssrf.TargetResolver;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One replica's delivery loop. It claims due deliveries (leased in the database, so replicas never
 * send the same one at the same time), sends each on its own, so a slow or dead endpoint holds only
 * its own deliveries, and settles every attempt: logged, then succeeded, retried on the schedule,
 * failed, or the endpoint paused or disabled. Stopping finishes what was claimed before it returns,
 * so a restart sends nothing twice.
 * <p>
 * It claims when told of new deliveries ({@link #wake()}), when a retry it scheduled falls due, and otherwise on the
 * {@link PollCadence}: every {@code poll-interval} while deliveries flow, every {@code idle-poll-interval} when
 * none do (which only catches another replica's expired leases and work no signal announced).
 */
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR = 300;

    private final WebhooksConfig config;
    private final DeliveryRepository deliveries;
    private final TargetResolver resolver;
    private final SecretBox secrets;
    private final Vertx vertx;
    private final HttpClient client;
    private final RetrySchedule schedule;
    private final MeterRegistry meters;
    private final Tracer tracer;

    /** One token per claim round would do; one per worker is enough, since settling also checks the row id. */
    private final UUID leaseToken = UUID.randomUUID();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicBoolean backlog = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final PollCadence cadence;
    private final RetryLooks retryLooks;
    private volatile long lastSignal;
    private volatile boolean everSignalled;
    /** The one pending look: replaced by an earlier one, never doubled (claims, signals and retries race for it). */
    private final Object scheduling = new Object();
    private long timerId = -1;
    private long timerDue;

    public DeliveryWorker(WebhooksConfig config, DeliveryRepository deliveries, TargetResolver resolver,
                          SecretBox secrets, Vertx vertx, MeterRegistry meters, Tracer tracer) {
        this.meters = meters;
        this.tracer = tracer;
        this.config = config;
        this.deliveries = deliveries;
        this.resolver = resolver;
        this.secrets = secrets;
        this.vertx = vertx;
        int timeout = (int) config.attemptTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTrustAll(false)
                // our trace ids stay inside: the attempt is traced by deliver(), not by headers to the customer
                .setTracingPolicy(TracingPolicy.IGNORE));
        this.schedule = new RetrySchedule(config.retrySchedule(), config.retryJitter(), config.maxRetryAfter());
        this.cadence = new PollCadence(config.pollInterval(), config.idlePollInterval());
        this.retryLooks = new RetryLooks(cadence);
    }

    public void start() {
        stopping.set(false);
        claim();
    }

    /** Stops claiming and completes once every claimed delivery is settled (or the attempt time-out has passed twice). */
    public Uni<Void> stop() {
        stopping.set(true);
        synchronized (scheduling) {
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
                timerId = -1;
            }
        }
        long deadline = System.nanoTime() + config.attemptTimeout().multipliedBy(2).toNanos();
        return Multi.createFrom().ticks().every(Duration.ofMillis(20))
                .filter(tick -> inFlight.get() == 0 && !claiming.get() || System.nanoTime() > deadline)
                .toUni()
                .invoke(() -> {
                    if (inFlight.get() > 0) {
                        LOG.warnf("stopped with %d deliveries in flight; their leases return them to the queue", inFlight.get());
                    }
                })
                .replaceWithVoid();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** New deliveries were queued: claims now, and keeps looking often for a while (they may not all be committed yet). */
    public void wake() {
        lastSignal = System.nanoTime();
        everSignalled = true;
        claim();
    }

    /** Claims due deliveries now; calls that arrive during a claim run one more round after it. */
    private void claim() {
        if (stopping.get()) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        int room = config.batchSize() - inFlight.get();
        if (room <= 0) {
            claiming.set(false);
            backlog.set(true);
            return;
        }
        wakeAgain.set(false);
        long began = System.nanoTime();
        deliveries.claim(room, config.perEndpointConcurrency(), config.lease().toMillis(), leaseToken)
                .subscribe().with(claimed -> {
                    inFlight.addAndGet(claimed.size());
                    backlog.set(claimed.size() == room);
                    claiming.set(false);
                    for (DeliveryRepository.Claimed c : claimed) {
                        deliver(c.delivery(), c.endpoint()).subscribe().with(x -> finished(), e -> {
                            LOG.warnf("delivery %s could not be settled: %s", c.delivery().id(), e.toString());
                            finished();
                        });
                    }
                    if (wakeAgain.get() || backlog.get()) {
                        claim();
                    }
                    lookAgain(!claimed.isEmpty(), false, began);
                }, e -> {
                    claiming.set(false);
                    LOG.debugf("cannot claim deliveries now: %s", e.getMessage());
                    lookAgain(false, true, began);
                });
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (backlog.get()) {
            claim();
        }
    }

    /** Sets the next look after a claim: on the cadence, or sooner when a retry this worker scheduled falls due. */
    private void lookAgain(boolean foundWork, boolean failed, long claimBegan) {
        long now = System.nanoTime();
        long planned = now + cadence.nextDelay(foundWork, failed, everSignalled, lastSignal, now);
        lookAt(retryLooks.nextLook(planned, claimBegan), now);
    }

    private void lookAt(long due, long now) {
        synchronized (scheduling) {
            if (stopping.get() || timerId >= 0 && timerDue <= due) {
                return;
            }
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
            timerDue = due;
            timerId = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - now)), this::onTimer);
        }
    }

    private void onTimer(long id) {
        synchronized (scheduling) {
            if (timerId == id) {
                timerId = -1;
            }
        }
        claim();
    }

    /** One attempt of {@code d} to {@code endpoint}: send, then settle. Never fails on the receiver's account; only a database failure propagates. */
    Uni<Void> deliver(Delivery d, Endpoint endpoint) {
        long started = System.nanoTime();
        // the attempt continues the trace of the change that caused the event (stored with the delivery)
        Span span = tracer.spanBuilder("webhook " + d.eventType()).setParent(TraceParent.parent(d.traceParent()))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("recruit.delivery_id", d.id())
                .setAttribute("recruit.endpoint_id", endpoint.id)
                .setAttribute("recruit.attempt", d.attempts())
                .startSpan();
        // what the endpoint may receive is decided again now: its read scopes may have narrowed since the event was queued
        String body = PublicEvents.asReceivedBy(endpoint.readScopes, d.eventType(), d.payload());
        if (body == null) {
            span.setStatus(StatusCode.ERROR, "withheld");
            return withhold(endpoint, d).onTermination().invoke(span::end);
        }
        return Uni.createFrom().deferred(() -> send(endpoint, d, body))
                .onFailure().recoverWithItem(e -> Response.error(describe(e)))
                .invoke(response -> {
                    if (response.status() != null) {
                        span.setAttribute("http.response.status_code", response.status());
                    }
                    if (response.status() == null || response.status() >= 300) {
                        span.setStatus(StatusCode.ERROR, response.error() == null ? "HTTP " + response.status() : response.error());
                    }
                })
                .chain(response -> settle(endpoint, d, response, (int) ((System.nanoTime() - started) / 1_000_000)))
                .onTermination().invoke(span::end);
    }

    /** What a receiver answered; {@code error} instead when it did not answer. */
    record Response(Integer status, String excerpt, String retryAfter, String error) {
        static Response error(String error) {
            return new Response(null, null, null, error);
        }
    }

    private Uni<Response> send(Endpoint endpoint, Delivery d, String payload) {
        URI uri = URI.create(endpoint.url);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        // the address check runs again for every attempt: the name may resolve elsewhere by now
        return resolver.resolve(uri).chain(target -> {
            String id = d.eventId().toString();
            long timestamp = System.currentTimeMillis() / 1000;
            String current = secrets.open(endpoint.id, endpoint.secret);
            List<String> standard = new ArrayList<>(2);
            standard.add(Signatures.standard(current, id, timestamp, body));
            if (endpoint.previousSecret != null && endpoint.previousSecretUntil != null
                    && endpoint.previousSecretUntil.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
                standard.add(Signatures.standard(secrets.open(endpoint.id, endpoint.previousSecret), id, timestamp, body));
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            long timeout = config.attemptTimeout().toMillis();
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    // connect to the address that was checked; the name still goes into Host and TLS (SNI, verification)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.tls())
                    .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                    .setFollowRedirects(false)
                    .setConnectTimeout(timeout)
                    .setIdleTimeout(timeout)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "RecruitSuite-Webhooks/1")
                    .putHeader("X-Webhook-Id", id)
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", String.join(" ", standard));
            if (endpoint.legacySignature) {
                options.putHeader("X-Webhook-Signature", Signatures.legacy(current, body));
            }
            AtomicReference<HttpClientRequest> request = new AtomicReference<>();
            return client.request(options)
                    .invoke(request::set)
                    .chain(r -> r.send(Buffer.buffer(body)))
                    .chain(this::read)
                    .ifNoItem().after(config.attemptTimeout()).failWith(() -> new TimeoutException(
                            "timed out: no complete answer within " + config.attemptTimeout().toMillis() + " ms"))
                    .onFailure(TimeoutException.class).invoke(() -> {
                        HttpClientRequest r = request.get();
                        if (r != null) {
                            r.reset(); // free the connection instead of waiting for a receiver that hangs
                        }
                    });
        });
    }

    /** Reads at most a few excerpts' worth of the answer, so a huge or endless body costs nothing. */
    private Uni<Response> read(HttpClientResponse response) {
        int max = config.responseExcerptChars();
        int cap = max * 4;
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.buffer.Buffer kept = io.vertx.core.buffer.Buffer.buffer();
            response.exceptionHandler(emitter::fail);
            response.handler(chunk -> {
                if (kept.length() < cap) {
                    int take = Math.min(chunk.length(), cap - kept.length());
                    kept.appendBuffer(chunk.getDelegate(), 0, take);
                }
            });
            response.endHandler(() -> {
                String text = new String(kept.getBytes(), StandardCharsets.UTF_8);
                emitter.complete(new Response(response.statusCode(), text.length() > max ? text.substring(0, max) : text,
                        response.getHeader("Retry-After"), null));
            });
        });
    }

    private Uni<Void> settle(Endpoint endpoint, Delivery d, Response r, int latencyMs) {
        Integer status = r.status();
        AttemptResult result = AttemptResult.of(status);
        Outcome outcome = result.outcome();
        OffsetDateTime next = null;
        if (outcome == Outcome.FAILED) {
            Duration delay = schedule.next(d.attempts(), result.slowDown() ? RetrySchedule.parseRetryAfter(r.retryAfter()) : null,
                    ThreadLocalRandom.current());
            next = delay == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(delay);
            if (delay != null) {
                long now = System.nanoTime();
                long look = retryLooks.retryIn(delay.toNanos(), now);
                if (look >= 0) {
                    lookAt(look, now);
                }
            }
        }
        Settlement settlement = new Settlement(d.id(), d.leaseToken(), outcome, status, latencyMs, r.excerpt(), r.error(), next);
        io.micrometer.core.instrument.Timer.builder("webhook.attempts")
                .description("Delivery attempts by outcome, with the receiver's answer time")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentileHistogram()
                .register(meters)
                .record(Duration.ofMillis(latencyMs));
        return deliveries.settle(settlement, config.failuresBeforePause())
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .invoke(endpointStatus -> {
                    if (endpointStatus == null) {
                        LOG.warnf("delivery %s was no longer held when its attempt ended (lease expired or endpoint deleted)", d.id());
                    } else if (outcome == Outcome.GONE) {
                        LOG.infof("endpoint %s answered 410 Gone: disabled", endpoint.id);
                    } else if (outcome == Outcome.FAILED && endpointStatus == EndpointStatus.PAUSED && endpoint.status == EndpointStatus.ACTIVE) {
                        LOG.infof("endpoint %s paused after %d consecutive failed attempts", endpoint.id, config.failuresBeforePause());
                    }
                })
                .replaceWithVoid();
    }

    /** Settles a delivery that must not be sent: failed for good, logged with the reason, the endpoint untouched. */
    private Uni<Void> withhold(Endpoint endpoint, Delivery d) {
        String reason = "withheld: the endpoint's read scopes " + endpoint.readScopes + " do not cover " + d.eventType()
                + (EventAccess.hasRule(d.eventType()) ? " (needs one of " + EventAccess.readableWith(d.eventType()) + ")" : "");
        return deliveries.settle(new Settlement(d.id(), d.leaseToken(), Outcome.WITHHELD, null, 0, null, reason, null),
                        config.failuresBeforePause())
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .replaceWithVoid();
    }

    private static String describe(Throwable e) {
        String message;
        if (e instanceof ApiException api) {
            message = "refused: " + api.getMessage();
        } else if (e instanceof TimeoutException) {
            message = e.getMessage();
        } else {
            message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    public Uni<Void> close() {
        return client.close();
    }
}
