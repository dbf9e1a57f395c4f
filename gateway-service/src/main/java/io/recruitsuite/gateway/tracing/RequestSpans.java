package io.recruitsuite.gateway.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.recruitsuite.common.tracing.RequestIdLogging;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The gateway's spans, made here rather than by the Vert.x HTTP instrumentation
 * ({@code quarkus.otel.instrument.vertx-http=false}): that instrumentation extracts a dozen attributes of
 * every request and every upstream call before the sampler decides, and most requests are not sampled.
 * Here the sampler decides first and attributes are set only on recorded spans, so an unsampled request
 * costs two span ids and a {@code traceparent} header.
 *
 * <p>The trace shape stays: the request's SERVER span is the root of a new trace (a client cannot join
 * ours: {@link TracesStartHere}); each call to a service is a CLIENT span under it, and the service's own
 * spans follow from the {@code traceparent} the call carries, sampled or not.
 */
@Singleton
public class RequestSpans {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    private static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    private static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(RequestIdLogging.SPAN_ATTRIBUTE);
    private static final AttributeKey<String> RECRUIT_ROUTE = AttributeKey.stringKey("recruit.route");
    private static final AttributeKey<String> UPSTREAM = AttributeKey.stringKey("recruit.upstream");
    private static final TextMapSetter<MultiMap> HEADERS = (headers, name, value) -> {
        if (headers != null) {
            headers.set(name, value);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    private Tracer tracer;
    private TextMapPropagator propagator;

    @PostConstruct
    void init() {
        tracer = openTelemetry.getTracer("io.recruitsuite.gateway");
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts a public request's SERVER span ({@code route}: the route table's pattern, null if none), a new trace, and,
     * when the caller runs on the request's own Vert.x context ({@code ownContext}), makes it that context's current
     * one (so calls made for the request, and its log lines, belong to it).
     */
    public Span server(HttpServerRequest request, String method, String route, String requestId, boolean ownContext) {
        // named by the route table's pattern, never the raw path; by the method alone when no route matched
        Span span = tracer.spanBuilder(route == null ? method : method + " " + route).setNoParent().setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, method);
            if (route != null) {
                span.setAttribute(ROUTE, route);
                span.setAttribute(RECRUIT_ROUTE, route);
            }
            span.setAttribute(PATH, request.path());
            span.setAttribute(SCHEME, request.scheme());
            span.setAttribute(REQUEST_ID, requestId);
            if (request.remoteAddress() != null) {
                span.setAttribute(CLIENT_ADDRESS, request.remoteAddress().host());
            }
            String agent = request.getHeader(HttpHeaders.USER_AGENT);
            if (agent != null) {
                span.setAttribute(USER_AGENT, agent);
            }
        }
        if (ownContext) {
            // never closed: the attachment (with the trace and span ids for the log lines) lives in the request's
            // own Vert.x context and ends with it; on a thread without one it would outlive the request
            Context.root().with(span).makeCurrent();
        }
        return span;
    }

    /** Ends a SERVER span with the status the client got (an error from 500 on, as the conventions say). */
    public void endServer(Span span, int status) {
        if (span.isRecording()) {
            span.setAttribute(STATUS, (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }

    /**
     * Starts a CLIENT span for a call to a service, under the current context (the request's SERVER span, or
     * a new trace for a background call), and writes its {@code traceparent} into the call's headers.
     */
    public Span client(String upstream, String method, String host, int port, String path, MultiMap headers) {
        Context current = Context.current();
        if (isUnsampled(Span.fromContext(current))) {
            // the request is not sampled, nor would its call be (the sampler follows the parent): no second span,
            // the service is told the request's own ids and the not-sampled flag
            propagator.inject(current, headers, HEADERS);
            return Span.getInvalid();
        }
        Span span = tracer.spanBuilder(method).setSpanKind(SpanKind.CLIENT).startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, method);
            span.setAttribute(SERVER_ADDRESS, host);
            span.setAttribute(SERVER_PORT, (long) port);
            span.setAttribute(URL_FULL, "http://" + host + ":" + port + path);
            span.setAttribute(UPSTREAM, upstream);
        }
        propagator.inject(current.with(span), headers, HEADERS);
        return span;
    }

    private static boolean isUnsampled(Span parent) {
        return parent.getSpanContext().isValid() && !parent.getSpanContext().isSampled() && !parent.isRecording();
    }

    /** Ends a CLIENT span with the service's answer (an error from 400 on, as the conventions say). */
    public void endClient(Span span, int status) {
        if (span.isRecording()) {
            span.setAttribute(STATUS, (long) status);
            if (status >= 400) {
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }

    /** Ends a CLIENT span whose call got no answer. */
    public void endClient(Span span, Throwable failure) {
        if (span.isRecording()) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }
}
