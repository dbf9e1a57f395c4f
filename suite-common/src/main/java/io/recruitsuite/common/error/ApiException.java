package io.recruitsuite.common.error;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error meant for the caller: its code, message and field details go out in the error envelope as
 * they are.
 */
public class ApiException extends RuntimeException {

    /** "title: at most 200 characters", the house style of validation messages, names its field first */
    private static final Pattern FIELD_FIRST = Pattern.compile("([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*|\\[\\d+\\])*): (.+)",
            Pattern.DOTALL);

    private final ErrorCode code;
    private final List<ErrorEnvelope.Detail> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<ErrorEnvelope.Detail> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorEnvelope.Detail> details() {
        return details;
    }

    /** A validation error about one field: the message says it, {@code details} names it for programs. */
    public static ApiException invalidField(String field, String issue) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, field + ": " + issue, List.of(new ErrorEnvelope.Detail(field, issue)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    /** A validation error; a message in the "field: issue" style also gets its field in {@code details}. */
    public static ApiException validation(String message) {
        Matcher m = FIELD_FIRST.matcher(message);
        List<ErrorEnvelope.Detail> details = m.matches() ? List.of(new ErrorEnvelope.Detail(m.group(1), m.group(2))) : List.of();
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, details);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
}
