package io.recruitsuite.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.recruitsuite.common.security.InternalToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's request id beside the trace id: in the log context (JSON logs show both) and
 * on the server span, so a support ticket's X-Request-Id leads to the trace and back.
 */
public class RequestIdLogging {

    public static final String MDC_KEY = "requestId";
    public static final String SPAN_ATTRIBUTE = "recruit.request_id";

    @ServerRequestFilter(preMatching = true)
    public void tag(ContainerRequestContext request) {
        String id = request.getHeaderString(InternalToken.REQUEST_ID_HEADER);
        if (id != null && id.length() <= InternalToken.MAX_REQUEST_ID_LENGTH) {
            MDC.put(MDC_KEY, id);
            Span.current().setAttribute(SPAN_ATTRIBUTE, id);
        }
    }
}
