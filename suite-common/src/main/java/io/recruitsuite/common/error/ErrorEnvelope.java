package io.recruitsuite.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.recruitsuite.common.tracing.RequestIdLogging;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * {@code {"error": {"code": "...", "message": "...", "requestId": "...", "details": [...]}}}: the one
 * error shape of the public API. {@code code} and {@code message} are seed 000's; {@code requestId}
 * (the gateway's X-Request-Id, so a support ticket can quote it) and {@code details} (one entry per
 * field that is wrong) are additive and left out when there is nothing to say.
 */
public record ErrorEnvelope(Body error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String code, String message, String requestId, List<Detail> details) {
    }

    /** One wrong field: its name as the caller wrote it (dotted for nested fields) and what is wrong. */
    public record Detail(String field, String issue) {
    }

    public static ErrorEnvelope of(ErrorCode code, String message) {
        return of(code, message, List.of());
    }

    /** The request id comes from the log context, where every service puts the gateway's id. */
    public static ErrorEnvelope of(ErrorCode code, String message, List<Detail> details) {
        return new ErrorEnvelope(new Body(code.code(), message, currentRequestId(), details == null ? List.of() : details));
    }

    static String currentRequestId() {
        Object id = MDC.get(RequestIdLogging.MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The JSON text of an envelope, for code paths that write raw bytes (the gateway, filters). */
    public static String json(ErrorCode code, String message) {
        return json(code, message, currentRequestId());
    }

    public static String json(ErrorCode code, String message, String requestId) {
        StringBuilder out = new StringBuilder(96);
        out.append("{\"error\":{\"code\":\"").append(code.code()).append("\",\"message\":\"");
        escape(message, out);
        out.append('"');
        if (requestId != null) {
            out.append(",\"requestId\":\"");
            escape(requestId, out);
            out.append('"');
        }
        return out.append("}}").toString();
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
