package io.recruitsuite.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.tracing.RequestIdLogging;
import io.recruitsuite.gateway.GatewayConfig;
import io.recruitsuite.gateway.auth.Authenticator;
import io.recruitsuite.gateway.auth.Credentials;
import io.recruitsuite.gateway.auth.TooManyAttempts;
import io.recruitsuite.gateway.auth.InternalTokenSigner;
import io.recruitsuite.gateway.auth.KeyVerifier;
import io.recruitsuite.gateway.auth.RevokedThroughGateway;
import io.recruitsuite.gateway.auth.Principal;
import io.recruitsuite.gateway.discovery.Discovery;
import io.recruitsuite.gateway.idempotency.Idempotency;
import io.recruitsuite.gateway.idempotency.StoredAnswer;
import io.recruitsuite.gateway.metrics.GatewayMetrics;
import io.recruitsuite.gateway.ratelimit.Decision;
import io.recruitsuite.gateway.ratelimit.RateLimitHeaders;
import io.recruitsuite.gateway.ratelimit.RateLimiter;
import io.recruitsuite.gateway.ratelimit.Window;
import io.recruitsuite.gateway.tracing.RequestSpans;
import io.recruitsuite.gateway.usage.UsageRecorder;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Every public request under {@code /api/v1}: request id, route, authentication, scope, then a
 * streaming forward to the owning service with the signed internal token in place of the client's
 * credentials. Errors leave in the documented envelope; an upstream that is down or slow is a fast
 * 503 with Retry-After, never a hang.
 */
@ApplicationScoped
public class GatewayHandler {

    private static final Logger LOG = Logger.getLogger(GatewayHandler.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + InternalToken.MAX_REQUEST_ID_LENGTH + "}");
    // case-insensitive sets: header names are compared as sent, without a lower-cased copy per header and request
    private static final Set<String> HOP_BY_HOP = ignoringCase(Set.of(), "connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    /** Never forwarded: hop-by-hop headers, the client's credentials and (the services' spans belong to the gateway's trace) its trace context. */
    private static final Set<String> NOT_FORWARDED = ignoringCase(HOP_BY_HOP, "authorization", "x-api-key", "cookie",
            "traceparent", "tracestate", "baggage", InternalToken.REQUEST_ID_HEADER);
    /**
     * The fields of a service's answer the gateway does not relay as they come: hop-by-hop ones are dropped, and those
     * the gateway sets on every answer itself (its request id, the rate limits) replace the gateway's value. Every
     * other field is added, so a field the service repeats (Set-Cookie, Link, Vary) reaches the client with each value.
     */
    private static final Map<String, Boolean> ANSWER_FIELDS_REPLACED = answerFields();
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    public static final String CLIENT_REQUEST_ID_MDC = "clientRequestId";
    // header names of every request made once as ASCII bytes (copied, not encoded, when written)
    private static final CharSequence REQUEST_ID_HEADER = HttpHeaders.createOptimized(InternalToken.REQUEST_ID_HEADER);
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence TRACEPARENT_HEADER = HttpHeaders.createOptimized("traceparent");

    // The beans called on every request are @Singleton: an @ApplicationScoped bean is reached through a client
    // proxy that looks its instance up in the application context on every call (2.6 % of the gateway's samples)
    @Inject
    GatewayConfig config;
    @Inject
    Authenticator authenticator;
    @Inject
    InternalTokenSigner signer;
    @Inject
    Upstreams upstreams;
    @Inject
    Discovery discovery;
    @Inject
    UsageRecorder usage;

    @Inject
    RateLimiter rateLimiter;
    @Inject
    io.recruitsuite.gateway.discovery.OpenApiAggregator openApi;
    @Inject
    GatewayMetrics metrics;
    @Inject
    Idempotency idempotency;
    @Inject
    KeyVerifier keys;
    @Inject
    RequestSpans spans;

    /**
     * Ahead of Quarkus's own handlers (CORS, HTTP authentication, REST observability), which the public API
     * does not use: the gateway authenticates itself and keeps its own metrics and spans, and those handlers
     * would otherwise run on every request. Only a body handler, were one ever installed, still comes first.
     */
    static final int API_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

    private RouteTable routes;

    private final TenantSlots tenantSlots = new TenantSlots();

    private record Admitted(Principal principal, Decision decision) {
    }

    void install(@Observes Router router) {
        routes = new RouteTable(config.routes(), config.maxBodyDefault().asLongValue());
        // /api/v1 itself and everything under it (not /api/v1x), matched as a prefix: a regular expression here cost
        // a matcher per request
        router.route("/api/v1/*").order(API_ROUTE_ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        long started = System.nanoTime();
        HttpServerRequest request = rc.request();
        request.pause();
        String requestId = newRequestId();
        rc.response().putHeader(REQUEST_ID_HEADER, requestId);
        String path = request.path();
        // the method's name read once: the request reaches here wrapped three times, each wrapper asking the next
        String method = request.method().name();
        RouteTable.Match route = routes.match(method, path).orElse(null);
        String routeTag = route == null ? GatewayMetrics.NO_ROUTE : route.pattern();
        // the span first: on the request's own Vert.x context, making it current starts the request's MDC afresh
        boolean ownContext = VertxContext.isOnDuplicatedContext();
        Span span = spans.server(request, method, route == null ? null : route.pattern(), requestId, ownContext);
        MDC.put(RequestIdLogging.MDC_KEY, requestId);
        // what the client sent to correlate is kept beside ours, never used as ours
        String clientRequestId = request.getHeader(REQUEST_ID_HEADER);
        if (clientRequestId != null && REQUEST_ID.matcher(clientRequestId).matches()) {
            MDC.put(CLIENT_REQUEST_ID_MDC, clientRequestId);
            span.setAttribute("recruit.client_request_id", clientRequestId);
        } else if (!ownContext) {
            // a thread's MDC outlives the request: never let an earlier request's value stand
            MDC.remove(CLIENT_REQUEST_ID_MDC);
        }
        String clientTrace = request.getHeader(TRACEPARENT_HEADER);
        if (clientTrace != null && TRACEPARENT.matcher(clientTrace).matches()) {
            span.setAttribute("recruit.client_traceparent", clientTrace);
        }
        rc.addEndHandler(ended -> {
            int status = rc.response().getStatusCode();
            metrics.request(routeTag, method, status, System.nanoTime() - started);
            spans.endServer(span, status);
        });
        if (request.uri().length() > config.maxUriLength()) {
            error(rc, ErrorCode.VALIDATION_ERROR, "Request URI is longer than " + config.maxUriLength() + " characters");
            return;
        }
        if (!isCanonical(path, request.uri())) {
            error(rc, ErrorCode.VALIDATION_ERROR, "Malformed request path");
            return;
        }
        if (discovery.handles(path)) {
            request.resume();
            discovery.handle(rc, path);
            return;
        }
        if ("/api/v1/openapi.json".equals(path)) {
            request.resume();
            openApi.document().subscribe().with(
                    doc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(doc.encode()),
                    failure -> error(rc, ErrorCode.SERVICE_UNAVAILABLE, "The API description is unavailable; retry later"));
            return;
        }
        if (path.equals("/api/v1/docs") || path.startsWith("/api/v1/docs/")) {
            // the Swagger UI, served by Quarkus under this path
            request.resume();
            rc.next();
            return;
        }
        if (route == null) {
            error(rc, ErrorCode.NOT_FOUND, "No such endpoint: " + method + " " + path);
            return;
        }
        // only a multipart upload gets the upload limit; JSON to the same routes stays at the route's limit
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = route.uploads() && multipart ? config.maxBodyUpload().asLongValue() : route.maxBody();
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && exceeds(contentLength, limit)) {
            error(rc, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + limit + " bytes");
            return;
        }
        Credentials credentials = Credentials.from(request);
        // the common case, a cached key with a lease of requests: decided here, with no I/O and no reactive chain
        Principal known = authenticator.known(credentials, route);
        if (known != null) {
            try {
                authenticator.authorize(known, route);
            } catch (ApiException refused) {
                fail(rc, refused);
                return;
            }
            Decision leased = rateLimiter.leased(known, route.rateClass());
            if (leased != null) {
                admitted(rc, route, known, leased, requestId, limit);
                return;
            }
        }
        authenticator.authenticate(credentials, route, request.remoteAddress() == null ? "" : request.remoteAddress().host())
                .invoke(principal -> authenticator.authorize(principal, route))
                .chain(principal -> rateLimiter.check(principal, route.rateClass())
                        .map(decision -> new Admitted(principal, decision)))
                .subscribe().with(
                        admitted -> admitted(rc, route, admitted.principal(), admitted.decision(), requestId, limit),
                        failure -> fail(rc, failure));
    }

    /** After authentication and the rate limits: a refusal with its headers, or the forward, counted as usage. */
    private void admitted(RoutingContext rc, RouteTable.Match route, Principal principal, Decision decision, String requestId, long limit) {
        RateLimitHeaders.write(rc.response(), decision);
        if (!decision.allowed()) {
            Window window = decision.deniedBy();
            metrics.rateLimited(window.name());
            rc.response().putHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
            error(rc, ErrorCode.RATE_LIMITED, "Too many requests: the " + window.description()
                    + " is used up (" + window.name() + "); retry after "
                    + Math.max(1, decision.retryAfterSeconds()) + " s");
            return;
        }
        usage.record(principal);
        rc.addEndHandler(ended -> {
            if (rc.response().getStatusCode() >= 400) {
                usage.recordError(principal);
            }
        });
        forward(rc, route, principal, requestId, limit);
    }

    private void forward(RoutingContext rc, RouteTable.Match route, Principal principal, String requestId, long limit) {
        HttpServerRequest request = rc.request();
        Upstreams.Upstream upstream = upstreams.get(route.upstream());
        boolean idempotent = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(request.uri())
                .setIdleTimeout(config.upstreamDefaults().responseTimeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        request.headers().forEach(h -> {
            String name = h.getKey();
            if (!NOT_FORWARDED.contains(name) && !name.regionMatches(true, 0, "x-forwarded-", 0, 12)) {
                headers.add(name, h.getValue());
            }
        });
        // none of these came through from the client (NOT_FORWARDED and x-forwarded-*): added, no search for one to replace
        headers.add(HttpHeaders.AUTHORIZATION, signer.authorizationFor(principal));
        headers.add(REQUEST_ID_HEADER, requestId);
        headers.add(FORWARDED_FOR, request.remoteAddress() == null ? "" : request.remoteAddress().host());
        headers.add(FORWARDED_PROTO, request.scheme());
        options.setHeaders(headers);
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = contentLength != null ? !"0".equals(contentLength) : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);

        String organization = principal.organizationId();
        int share = config.upstreamDefaults().perOrganizationLimit();
        if (!tenantSlots.tryAcquire(upstream.name(), organization, share)) {
            metrics.rateLimited("organization-concurrency");
            rc.response().putHeader("Retry-After", "1");
            error(rc, ErrorCode.RATE_LIMITED, "Too many concurrent requests of this organization to the " + upstream.name()
                    + " service (at most " + share + "); retry in a second");
            return;
        }
        rc.addEndHandler(ended -> tenantSlots.release(upstream.name(), organization));
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean streamed = hasBody && route.uploads() && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        String idempotencyKey = request.method() == HttpMethod.POST || request.method() == HttpMethod.PATCH
                ? request.getHeader(Idempotency.HEADER) : null;
        if (idempotencyKey != null && idempotency.problem(idempotencyKey) != null) {
            error(rc, ErrorCode.VALIDATION_ERROR, idempotency.problem(idempotencyKey));
            return;
        }
        if (hasBody && !streamed) {
            // read the whole (small) body first: a slow client then costs its own connection only, never an upstream slot
            readBody(rc, limit).subscribe().with(
                    body -> guarded(rc, route, organization, idempotencyKey, body.getBytes(),
                            claim -> send(rc, route, upstream, options, idempotent, body, limit, claim)),
                    failure -> {
                        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                        if (failure instanceof ClientBodyIncomplete) {
                            error(rc, ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within "
                                    + config.bodyReadTimeout().toSeconds() + " s");
                        } else {
                            error(rc, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + limit + " bytes");
                        }
                    });
            return;
        }
        // a streamed upload is fingerprinted by method and URI only: its multipart boundary changes between retries
        guarded(rc, route, organization, idempotencyKey, null, claim -> send(rc, route, upstream, options, idempotent, null, limit, claim));
    }

    /** Runs {@code forward} under the request's idempotency key, if it has one, or answers for the key itself. */
    private void guarded(RoutingContext rc, RouteTable.Match route, String organization, String key, byte[] body,
                         java.util.function.Consumer<Idempotency.Claim> forward) {
        if (key == null) {
            forward.accept(null);
            return;
        }
        HttpServerRequest request = rc.request();
        idempotency.claim(organization, key, Idempotency.fingerprint(request.method().name(), request.uri(), body)).subscribe().with(claim -> {
            switch (claim.outcome()) {
                case PROCEED, UNGUARDED -> forward.accept(claim);
                case REPLAY -> {
                    if (claim.answer().body() == null) {
                        // an answer that held a secret is not kept: the retry learns the request was done
                        error(rc, ErrorCode.CONFLICT, "This request was already processed (Idempotency-Key); its answer held a "
                                + "secret that is shown only once: list the resources to find what it created");
                    } else {
                        replay(rc, claim.answer());
                    }
                }
                case IN_PROGRESS -> {
                    rc.response().putHeader("Retry-After", "1");
                    error(rc, ErrorCode.CONFLICT, "A request with this Idempotency-Key is still being processed; retry in a second");
                }
                case MISMATCH -> error(rc, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request (method, path or body)");
            }
        }, failure -> fail(rc, failure));
    }

    private void replay(RoutingContext rc, StoredAnswer answer) {
        HttpServerResponse out = rc.response();
        if (!rc.request().isEnded()) {
            // a streamed upload's body was never read: the connection cannot serve another request
            out.putHeader(HttpHeaders.CONNECTION, "close");
            rc.request().resume();
        }
        out.setStatusCode(answer.status());
        answer.headers().forEach(out::putHeader);
        out.putHeader(Idempotency.REPLAYED_HEADER, "true");
        out.end(answer.body() == null ? "" : answer.body());
    }

    /** The client's body, whole, within the route's limit and {@code gateway.body-read-timeout}. */
    private Uni<Buffer> readBody(RoutingContext rc, long limit) {
        HttpServerRequest request = rc.request();
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            long timer = rc.vertx().setTimer(config.bodyReadTimeout().toMillis(), t -> {
                request.pause();
                emitter.fail(new ClientBodyIncomplete());
            });
            boolean[] over = {false};
            request.handler(chunk -> {
                if (over[0]) {
                    // drained, not paused: a client still writing must get to read its 413 (the connection then closes)
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    over[0] = true;
                    rc.vertx().cancelTimer(timer);
                    emitter.fail(new IllegalArgumentException("body over the limit"));
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(e -> {
                rc.vertx().cancelTimer(timer);
                emitter.fail(e);
            });
            request.endHandler(end -> {
                rc.vertx().cancelTimer(timer);
                if (!over[0]) {
                    emitter.complete(body);
                }
            });
            request.resume();
        });
    }

    /** Forwards with a body already read ({@code body}), a streamed upload ({@code body} null and a body), or none. */
    private void send(RoutingContext rc, RouteTable.Match route, Upstreams.Upstream upstream, RequestOptions options, boolean idempotent,
                      Buffer body, long limit, Idempotency.Claim claim) {
        HttpServerRequest request = rc.request();
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean streamed = body == null && (contentLength != null ? !"0".equals(contentLength) : request.headers().contains(HttpHeaders.TRANSFER_ENCODING));
        boolean hasBody = body != null || streamed;
        var guard = idempotent && !hasBody ? upstream.idempotentGuard() : upstream.guard();
        // set when the gateway itself cuts a streamed body off at the route's limit: that forward's failure is the client's
        AtomicBoolean cutOff = new AtomicBoolean();
        Span call = spans.client(upstream.name(), options.getMethod().name(), upstream.host(), upstream.port(), request.path(), options.getHeaders());
        guard.call(() -> upstream.client().request(options).compose(upstreamRequest -> {
                            if (body != null) {
                                upstreamRequest.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
                                return upstreamRequest.send(body);
                            }
                            if (contentLength != null) {
                                upstreamRequest.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
                            } else if (streamed) {
                                upstreamRequest.setChunked(true);
                            }
                            return stream(rc, upstreamRequest, streamed, limit, cutOff);
                        }).map(answer -> {
                            // hold the body until the guard hands the response over for relaying
                            answer.pause();
                            return answer;
                        }),
                        // a streamed upload still arriving when the answer is due: the client is slow, not the upstream
                        () -> streamed && !request.isEnded() ? new ClientBodyIncomplete() : new TimeoutException("no answer in time"),
                        // the client's own faults are not the upstream's: they never open its breaker
                        failure -> failure instanceof ClientBodyIncomplete || cutOff.get(),
                        late -> late.request().reset())
                .onSuccess(response -> {
                    spans.endClient(call, response.statusCode());
                    Runnable relaying = () -> {
                        if (claim != null && claim.outcome() == Idempotency.Outcome.PROCEED) {
                            relayAndKeep(rc, response, hasBody, claim, route.secretAnswers());
                        } else {
                            relay(rc, response, hasBody);
                        }
                    };
                    // a revocation relayed here takes effect before its answer leaves, not when its event arrives
                    RevokedThroughGateway.prefix(request.method().name(), request.path(), response.statusCode()).ifPresentOrElse(
                            prefix -> keys.evictPrefix(prefix).subscribe().with(evicted -> relaying.run(), evictionFailed -> relaying.run()),
                            relaying);
                })
                .onFailure(failure -> {
                    spans.endClient(call, failure);
                    if (claim != null) {
                        idempotency.release(claim).subscribe().with(v -> { }, e -> { });
                    }
                    upstreamFailed(rc, route, failure);
                });
    }

    private io.vertx.core.Future<HttpClientResponse> stream(RoutingContext rc, HttpClientRequest upstreamRequest, boolean hasBody, long limit,
                                                            AtomicBoolean cutOff) {
        if (!hasBody) {
            rc.request().resume();
            return upstreamRequest.send();
        }
        LimitedBody body = new LimitedBody(rc.request(), limit, () -> {
            // the client's answer first: the reset fails the forward at once, and a failed forward answers 503
            cutOff.set(true);
            error(rc, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + limit + " bytes");
            upstreamRequest.reset();
        });
        return upstreamRequest.send(body);
    }

    private void relay(RoutingContext rc, HttpClientResponse response, boolean hadBody) {
        HttpServerResponse out = rc.response();
        if (out.ended()) {
            return;
        }
        // An upstream that refuses a request with a body may have answered before reading all of it (a 413
        // from its HTTP layer does): the rest of the body is still on that connection, so it must not serve
        // another request. Refusals are rare enough that a new connection costs nothing.
        boolean bodyUnfinished = hadBody && response.statusCode() >= 400 || !rc.request().isEnded();
        String upstreamType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (response.statusCode() >= 400 && (upstreamType == null || !upstreamType.startsWith("application/json"))) {
            // the framework's own refusals (413 and 414 before our code runs) have no body: keep the envelope promise
            response.resume();
            if (bodyUnfinished) {
                response.request().connection().close();
            }
            ErrorCode code = ErrorCode.forStatus(response.statusCode());
            error(rc, code, code == ErrorCode.PAYLOAD_TOO_LARGE ? "Request body is too large for this endpoint"
                    : "The request was refused (HTTP " + response.statusCode() + ")");
            return;
        }
        long length = contentLength(response);
        boolean noBody = response.statusCode() == 204 || response.statusCode() == 304;
        if (noBody || length >= 0 && length <= config.relayWholeUpTo().asLongValue()) {
            relayWhole(rc, response, length, bodyUnfinished);
        } else {
            relayStreamed(rc, response, bodyUnfinished);
        }
    }

    /**
     * A bounded answer, read whole and written with its headers in one go: one write to the client instead of a
     * write per chunk and one for the end, and the client's answer is still an envelope if the upstream breaks off.
     */
    private void relayWhole(RoutingContext rc, HttpClientResponse response, long length, boolean bodyUnfinished) {
        HttpServerResponse out = rc.response();
        // the chunks as they came: an answer in one chunk (most) is relayed without a copy into a new buffer
        Buffer[] whole = new Buffer[1];
        boolean[] copied = {false};
        response.handler(chunk -> {
            if (whole[0] == null) {
                whole[0] = chunk;
            } else {
                if (!copied[0]) {
                    // sized once for the whole answer (its Content-Length, bounded by gateway.relay-whole-up-to)
                    whole[0] = Buffer.buffer((int) Math.max(length, whole[0].length() + chunk.length())).appendBuffer(whole[0]);
                    copied[0] = true;
                }
                whole[0].appendBuffer(chunk);
            }
        });
        response.exceptionHandler(failure -> {
            if (bodyUnfinished) {
                response.request().connection().close();
            }
            if (!out.ended() && !out.closed()) {
                out.putHeader("Retry-After", Long.toString(config.upstreamDefaults().retryAfter().toSeconds()));
                error(rc, ErrorCode.SERVICE_UNAVAILABLE, "The answer was cut off; retry later");
            }
        });
        response.endHandler(ended -> {
            if (bodyUnfinished) {
                response.request().connection().close();
            }
            if (out.ended() || out.closed()) {
                return;
            }
            copyHeaders(response, out);
            out.end(whole[0] == null ? Buffer.buffer() : whole[0]);
        });
        response.resume();
    }

    /**
     * A large answer or one of unknown length, streamed with back-pressure. A client that goes away ends the
     * upstream call too (Vert.x's pipe would throw on the closed response instead).
     */
    private void relayStreamed(RoutingContext rc, HttpClientResponse response, boolean bodyUnfinished) {
        HttpServerResponse out = rc.response();
        copyHeaders(response, out);
        if (response.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            out.setChunked(true);
        }
        response.handler(chunk -> {
            if (out.closed() || out.ended()) {
                response.request().reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                response.pause();
                out.drainHandler(drained -> response.resume());
            }
        });
        response.exceptionHandler(failure -> {
            LOG.debugf("upstream answer broke off while relaying: %s", failure.getMessage());
            if (!out.ended() && !out.closed()) {
                // the status and part of the body may have left: only a reset tells the client it is incomplete
                out.reset();
            }
        });
        response.endHandler(ended -> {
            if (bodyUnfinished) {
                response.request().connection().close();
            }
            if (!out.ended() && !out.closed()) {
                out.end();
            }
        });
        response.resume();
    }

    private static void copyHeaders(HttpClientResponse response, HttpServerResponse out) {
        out.setStatusCode(response.statusCode());
        MultiMap relayed = out.headers();
        response.headers().forEach(h -> {
            Boolean replaced = ANSWER_FIELDS_REPLACED.get(h.getKey());
            if (replaced == null) {
                relayed.add(h.getKey(), h.getValue());
            } else if (replaced) {
                relayed.set(h.getKey(), h.getValue());
            }
        });
    }

    private static Map<String, Boolean> answerFields() {
        Map<String, Boolean> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        HOP_BY_HOP.forEach(name -> fields.put(name, false));
        fields.put("content-length", true);
        fields.put(InternalToken.REQUEST_ID_HEADER, true);
        RateLimitHeaders.NAMES.forEach(name -> fields.put(name, true));
        return fields;
    }

    private static long contentLength(HttpClientResponse response) {
        String value = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Relays an answer to a request with an idempotency key, keeping it for replay (JSON answers are small). */
    private void relayAndKeep(RoutingContext rc, HttpClientResponse response, boolean hadBody, Idempotency.Claim claim,
                              boolean secretAnswer) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (response.statusCode() >= 400 && (type == null || !type.startsWith("application/json"))) {
            idempotency.release(claim).subscribe().with(v -> { }, e -> { });
            relay(rc, response, hadBody);
            return;
        }
        response.resume();
        response.body().onComplete(ar -> {
            HttpServerResponse out = rc.response();
            if (ar.failed()) {
                idempotency.release(claim).subscribe().with(v -> { }, e -> { });
                if (!out.ended()) {
                    rc.response().putHeader("Retry-After", Long.toString(config.upstreamDefaults().retryAfter().toSeconds()));
                    error(rc, ErrorCode.SERVICE_UNAVAILABLE, "The answer was cut off; retry later");
                }
                return;
            }
            java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
            for (String name : KEPT_FOR_REPLAY) {
                String value = response.getHeader(name);
                if (value != null) {
                    kept.put(name, value);
                }
            }
            String body = ar.result().toString(java.nio.charset.StandardCharsets.UTF_8);
            // a secret shown once is never kept: only that the request was answered
            idempotency.answered(claim, new StoredAnswer(claim.fingerprint(), true, response.statusCode(), kept,
                            secretAnswer ? null : body))
                    .subscribe().with(v -> { }, e -> { });
            if (hadBody && response.statusCode() >= 400 || !rc.request().isEnded()) {
                // as in relay: a refused upload's unread rest stays on that connection
                response.request().connection().close();
            }
            if (out.ended()) {
                return;
            }
            out.setStatusCode(response.statusCode());
            kept.forEach(out::putHeader);
            out.end(ar.result());
        });
    }

    private static final java.util.List<String> KEPT_FOR_REPLAY = java.util.List.of("Content-Type", "Location");

    private void upstreamFailed(RoutingContext rc, RouteTable.Match route, Throwable failure) {
        if (rc.response().ended()) {
            return;
        }
        if (failure instanceof ClientBodyIncomplete) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            error(rc, ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive in time");
            return;
        }
        String reason = failure instanceof CircuitBreakerOpenException ? "breaker_open"
                : failure instanceof TimeoutException ? "timeout"
                : failure instanceof BulkheadException ? "overloaded"
                : "unreachable";
        String why = switch (reason) {
            case "breaker_open" -> "is unavailable";
            case "timeout" -> "did not answer in time";
            case "overloaded" -> "is overloaded";
            default -> "is unreachable";
        };
        LOG.warnf("upstream %s %s (%s)", route.upstream(), why, failure.toString());
        metrics.upstreamUnavailable(route.upstream(), reason);
        rc.response().putHeader("Retry-After", Long.toString(config.upstreamDefaults().retryAfter().toSeconds()));
        error(rc, ErrorCode.SERVICE_UNAVAILABLE, "The " + route.upstream() + " service " + why + "; retry later");
    }

    private void fail(RoutingContext rc, Throwable failure) {
        if (failure instanceof ApiException api) {
            if (failure instanceof TooManyAttempts attempts) {
                rc.response().putHeader("Retry-After", Long.toString(attempts.retryAfterSeconds()));
            } else if (api.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                rc.response().putHeader("Retry-After", "1");
            }
            error(rc, api.code(), api.getMessage());
        } else {
            LOG.error("gateway failure", failure);
            rc.response().putHeader("Retry-After", Long.toString(config.upstreamDefaults().retryAfter().toSeconds()));
            error(rc, ErrorCode.SERVICE_UNAVAILABLE, "Authentication is temporarily unavailable; retry later");
        }
    }

    static void error(RoutingContext rc, ErrorCode code, String message) {
        HttpServerResponse out = rc.response();
        if (out.ended()) {
            return;
        }
        rc.request().resume();
        out.setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(ErrorEnvelope.json(code, message, out.headers().get(InternalToken.REQUEST_ID_HEADER)));
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Rejects dot segments, encoded separators and backslashes: what the route table sees is what the upstream gets. */
    static boolean isCanonical(String path, String uri) {
        if (path == null || path.contains("\\") || path.contains("//")) {
            return false;
        }
        // a NUL is never part of a name or a value; encoded separators only matter in the path (a query value
        // may well contain an encoded slash, backslash or dot)
        if (uri.contains("%00")) {
            return false;
        }
        // scanned in place: this runs on every request, and splitting or lower-casing copied the path each time
        int query = uri.indexOf('?');
        int pathEnd = query < 0 ? uri.length() : query;
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < pathEnd; i = uri.indexOf('%', i + 1)) {
            if (uri.regionMatches(true, i, "%2e", 0, 3) || uri.regionMatches(true, i, "%2f", 0, 3) || uri.regionMatches(true, i, "%5c", 0, 3)) {
                return false;
            }
        }
        int segment = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                int length = i - segment;
                if (length == 1 && path.charAt(segment) == '.' || length == 2 && path.charAt(segment) == '.' && path.charAt(segment + 1) == '.') {
                    return false;
                }
                segment = i + 1;
            }
        }
        return true;
    }

    private static Set<String> ignoringCase(Set<String> base, String... names) {
        Set<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(base);
        set.addAll(java.util.List.of(names));
        return java.util.Collections.unmodifiableSet(set);
    }

    /** Every public request gets an id of ours: a client's choice would let it collide with, or pose as, another's. */
    private static String newRequestId() {
        // a request id is a correlation handle, not a secret: no SecureRandom (UUID.randomUUID) per request
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
