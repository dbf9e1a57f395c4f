package io.recruitsuite.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches JAX-RS into the documented error envelope, so no service can
 * answer with a stack trace, an HTML page or an empty 500.
 */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    static Response response(ErrorCode code, String message) {
        return response(code, message, List.of());
    }

    static Response response(ErrorCode code, String message, List<ErrorEnvelope.Detail> details) {
        return Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorEnvelope.of(code, message, details))
                .build();
    }

    @Provider
    public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return response(e.code(), e.getMessage(), e.details());
        }
    }

    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .collect(Collectors.toList());
            String message = violations.stream().map(ConstraintViolationMapper::describe).collect(Collectors.joining("; "));
            List<ErrorEnvelope.Detail> details = violations.stream()
                    .filter(v -> field(v) != null)
                    .map(v -> new ErrorEnvelope.Detail(field(v), v.getMessage()))
                    .toList();
            return response(ErrorCode.VALIDATION_ERROR, message.isEmpty() ? "Invalid request" : message, details);
        }

        private static String describe(ConstraintViolation<?> v) {
            String field = field(v);
            return field == null ? v.getMessage() : field + ": " + v.getMessage();
        }

        private static String field(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            int dot = path.lastIndexOf('.');
            String field = dot >= 0 ? path.substring(dot + 1) : path;
            // "create.arg0" style paths carry no meaning for a caller; the message alone does.
            return field.isEmpty() || field.startsWith("arg") ? null : field;
        }
    }

    /** Quarkus raises this subtype for invalid resource parameters; it has its own mapper unless we map it ourselves. */
    @Provider
    public static class ResteasyViolationMapper
            implements ExceptionMapper<io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException> {
        @Override
        public Response toResponse(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e) {
            if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
                LOG.error("response failed its own constraints", e);
                return response(ErrorCode.INTERNAL_ERROR, "Internal server error");
            }
            return new ConstraintViolationMapper().toResponse(e);
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return response(ErrorCode.VALIDATION_ERROR, describe(e), details(e));
        }

        /** The field a body error is about, dotted from the body's top ({@code salary.currency}). */
        static List<ErrorEnvelope.Detail> details(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                String field = path(u.getPath(), u.getPropertyName());
                String closest = KnownNames.closest(u.getPropertyName(), u.getKnownPropertyIds().stream().map(Object::toString).toList());
                return List.of(new ErrorEnvelope.Detail(field, "unknown field" + (closest == null ? "" : "; did you mean '" + closest + "'?")));
            }
            if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                return List.of(new ErrorEnvelope.Detail(path(m.getPath(), null), "wrong type"));
            }
            return List.of();
        }

        private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs, String last) {
            StringBuilder out = new StringBuilder();
            for (var ref : refs) {
                if (ref.getFieldName() != null) {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    out.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (last != null && !out.toString().endsWith(last)) {
                out.append(out.isEmpty() ? "" : ".").append(last);
            }
            return out.toString();
        }

        static String describe(JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return e.getOriginalMessage().replace("Duplicate field", "Duplicate field in the request body:");
            }
            if (e instanceof UnrecognizedPropertyException u) {
                String closest = KnownNames.closest(u.getPropertyName(), u.getKnownPropertyIds().stream().map(Object::toString).toList());
                return "Unknown field '" + u.getPropertyName() + "' in the request body" + (closest == null ? "" : "; did you mean '" + closest + "'?");
            }
            if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
                return "Field '" + f.getPath().get(f.getPath().size() - 1).getFieldName() + "' has the wrong type";
            }
            if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                return "Field '" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "' has the wrong type";
            }
            return "Request body is not valid JSON";
        }
    }

    /** More specific than {@link JsonMapper}, so it wins over the framework's own mapper for this type. */
    @Provider
    public static class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return response(ErrorCode.VALIDATION_ERROR, JsonMapper.describe(e), JsonMapper.details(e));
        }
    }

    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return response(ErrorCode.UNAUTHORIZED, "Missing or invalid credentials");
        }
    }

    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return response(ErrorCode.UNAUTHORIZED, "Missing or invalid credentials");
        }
    }

    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return response(ErrorCode.FORBIDDEN, "The credentials do not allow this operation");
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            ErrorCode code = ErrorCode.forStatus(status);
            if (e.getCause() instanceof JsonProcessingException json) {
                return response(ErrorCode.VALIDATION_ERROR, JsonMapper.describe(json), JsonMapper.details(json));
            }
            String message = switch (code) {
                case NOT_FOUND -> "Resource not found";
                case METHOD_NOT_ALLOWED -> "Method not allowed on this resource";
                case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
                case PAYLOAD_TOO_LARGE -> "Request body is too large";
                case UNAUTHORIZED -> "Missing or invalid credentials";
                case FORBIDDEN -> "The credentials do not allow this operation";
                case INTERNAL_ERROR -> "Internal server error";
                default -> "Invalid request";
            };
            if (code == ErrorCode.INTERNAL_ERROR) {
                LOG.error("request failed", e);
            }
            return Response.status(code == ErrorCode.VALIDATION_ERROR && status != 400 ? status : code.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorEnvelope.of(code, message))
                    .build();
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                // the database (or another dependency) cannot be reached right now, e.g. PostgreSQL is
                // restarting: the client may retry, so 503, never a 500 (our bug) or a 400 (theirs)
                if (dependencyUnavailable(t)) {
                    LOG.warnf("a dependency is unavailable: %s", t.toString());
                    return Response.status(ErrorCode.SERVICE_UNAVAILABLE.status()).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(ErrorEnvelope.of(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later"))
                            .header("Retry-After", RETRY_AFTER_SECONDS).build();
                }
            }
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                // class 22 (data exception): a value from the request the database refuses, e.g. a NUL
                // character or an offset out of range; the client's mistake, not ours
                // (Hibernate Reactive reports it as an SQLException carrying the same state, without the PgException)
                String sqlState = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                        : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
                if (sqlState != null && sqlState.startsWith("22")) {
                    LOG.debugf("refused a value the database cannot use: %s", sqlState);
                    return response(ErrorCode.VALIDATION_ERROR,
                            "A value in the request cannot be used (for example a NUL character or a number out of range)");
                }
                // the body stream broke while it was read (malformed multipart, a client that went away)
                if (t instanceof java.io.IOException) {
                    LOG.debugf("request body unreadable: %s", t.getMessage());
                    return response(ErrorCode.VALIDATION_ERROR, "The request body could not be read: it is malformed or was cut off");
                }
            }
            LOG.error("unexpected error", e);
            return response(ErrorCode.INTERNAL_ERROR, "Internal server error");
        }

        /** seconds a client should wait after a 503 for an unreachable dependency (the gateway's own 503s say 5 too) */
        static final String RETRY_AFTER_SECONDS = "5";

        /**
         * A connection that could not be made or was lost (refused, closed by a restarting server), or
         * PostgreSQL refusing work while it starts or stops: SQLSTATE class 08 (connection exception)
         * and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
         */
        static boolean dependencyUnavailable(Throwable t) {
            if (t instanceof java.net.ConnectException || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
            }
            return false;
        }
    }
}
