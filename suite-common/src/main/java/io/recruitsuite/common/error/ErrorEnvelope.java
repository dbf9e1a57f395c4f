package io.recruitsuite.common.error;

/** {@code {"error": {"code": "...", "message": "..."}}}: the one error shape of the public API. */
public record ErrorEnvelope(Body error) {

    public record Body(String code, String message) {
    }

    public static ErrorEnvelope of(ErrorCode code, String message) {
        return new ErrorEnvelope(new Body(code.code(), message));
    }

    /** The JSON text of an envelope, for code paths that write raw bytes (the gateway, filters). */
    public static String json(ErrorCode code, String message) {
        return "{\"error\":{\"code\":\"" + code.code() + "\",\"message\":\"" + escape(message) + "\"}}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
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
        return out.toString();
    }
}
