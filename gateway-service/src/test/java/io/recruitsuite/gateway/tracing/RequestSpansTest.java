package io.recruitsuite.gateway.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upstream calls' spans with the OpenTelemetry SDK as production configures it (W3C propagation, a ratio sampler). */
class RequestSpansTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();

    private RequestSpans spans(Sampler sampler) {
        SpanExporter collect = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        RequestSpans spans = new RequestSpans();
        spans.openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.parentBased(sampler))
                        .addSpanProcessor(SimpleSpanProcessor.create(collect)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        spans.init();
        return spans;
    }

    private static Span serverSpan(RequestSpans spans) {
        return spans.openTelemetry.getTracer("test").spanBuilder("GET /api/v1/candidates/**").setSpanKind(SpanKind.SERVER).startSpan();
    }

    /** A call to candidate-service made while the request's span is current, as the gateway makes it. */
    private static Span callUnder(RequestSpans spans, Span server, MultiMap headers) {
        try (Scope ignored = server.makeCurrent()) {
            return spans.client("candidate", "GET", "127.0.0.1", 8081, "/api/v1/candidates", headers);
        }
    }

    @Test
    void aSampledCallIsAClientSpanUnderTheRequestAndTheServiceJoinsItsTrace() {
        RequestSpans spans = spans(Sampler.alwaysOn());
        Span server = serverSpan(spans);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Span call = callUnder(spans, server, headers);
        spans.endClient(call, 503);

        String traceparent = headers.get("traceparent");
        assertEquals("00-" + server.getSpanContext().getTraceId() + "-" + call.getSpanContext().getSpanId() + "-01", traceparent,
                "the service's spans follow from the call, sampled");
        SpanData span = exported.get(0);
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(server.getSpanContext().getSpanId(), span.getParentSpanId());
        assertEquals("GET", span.getName());
        assertEquals("candidate", span.getAttributes().get(AttributeKey.stringKey("recruit.upstream")));
        assertEquals(503L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), "a refused call is an error of the client span");
    }

    @Test
    void anUnsampledRequestRecordsNothingYetTellsTheServiceNotToSample() {
        RequestSpans spans = spans(Sampler.traceIdRatioBased(0.0));
        Span server = serverSpan(spans);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Span call = callUnder(spans, server, headers);
        spans.endClient(call, 200);
        server.end();

        assertFalse(call.isRecording());
        assertEquals("00-" + server.getSpanContext().getTraceId() + "-" + server.getSpanContext().getSpanId() + "-00",
                headers.get("traceparent"), "the not-sampled decision travels with the call, under the request's own span");
        assertTrue(exported.isEmpty(), "nothing exported: " + exported);
    }

    @Test
    void aBackgroundCallOutsideAnyRequestIsSampledOnItsOwn() {
        RequestSpans spans = spans(Sampler.alwaysOn());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Span call = spans.client("keys", "POST", "127.0.0.1", 8082, "/internal/v1/usage", headers);
        spans.endClient(call, 200);

        assertEquals(1, exported.size(), "a call with no request around it is a trace of its own");
        assertEquals("00-" + call.getSpanContext().getTraceId() + "-" + call.getSpanContext().getSpanId() + "-01", headers.get("traceparent"));
    }

    @Test
    void aCallWithoutAnAnswerIsAnErrorWithItsCause() {
        RequestSpans spans = spans(Sampler.alwaysOn());
        Span call = spans.client("keys", "POST", "127.0.0.1", 8082, "/internal/v1/keys/verify", MultiMap.caseInsensitiveMultiMap());
        spans.endClient(call, new java.net.ConnectException("Connection refused"));

        SpanData span = exported.get(0);
        assertFalse(span.getParentSpanContext().isValid(), "a background call starts its own trace");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("exception", span.getEvents().get(0).getName());
    }
}
