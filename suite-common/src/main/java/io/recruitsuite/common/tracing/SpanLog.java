package io.recruitsuite.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Locale;

/**
 * Writes finished spans to the log, one line each, when {@code rs.tracing.log-spans} is on: the
 * local stacks have no trace collector, and {@code ./suite trace <trace-id>} reads these lines back
 * from every service's log. Production exports over OTLP instead and leaves this off.
 */
@Singleton
public class SpanLog implements SpanExporter {

    static final String CATEGORY = "recruit.spans";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(RequestIdLogging.SPAN_ATTRIBUTE);

    @ConfigProperty(name = "rs.tracing.log-spans", defaultValue = "false")
    boolean enabled;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (enabled) {
            for (SpanData span : spans) {
                LOG.info(line(span));
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    static String line(SpanData span) {
        String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-";
        double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0;
        String requestId = span.getAttributes().get(REQUEST_ID);
        return String.format(Locale.ROOT, "span trace=%s start=%s span=%s parent=%s service=%s kind=%s ms=%.1f status=%s request=%s name=\"%s\"",
                span.getTraceId(), java.time.Instant.ofEpochSecond(0, span.getStartEpochNanos()), span.getSpanId(), parent, span.getResource().getAttribute(SERVICE_NAME),
                span.getKind(), millis, span.getStatus().getStatusCode(), requestId == null ? "-" : requestId, span.getName());
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
