package io.recruitsuite.common.security;

/**
 * The short-lived JWT the gateway puts on every request it forwards (the request id travels beside
 * it in {@link #REQUEST_ID_HEADER}, so one signed token serves a caller for half its lifetime). Services trust nothing else:
 * the organization they scope queries by comes from {@link #ORGANIZATION}, never from the request.
 */
public final class InternalToken {

    public static final String ISSUER = "recruit-gateway";
    public static final String AUDIENCE = "recruit-internal";
    public static final String HEADER = "Authorization";

    public static final String ORGANIZATION = "org";
    public static final String KEY_PREFIX = "key_prefix";
    public static final String PLAN = "plan";
    /** How the caller authenticated at the gateway: {@code api_key}, {@code session} or {@code service}. */
    public static final String AUTH = "auth";
    /** Dashboard role of a session caller: owner, admin or member. */
    public static final String ROLE = "role";

    public static final String AUTH_API_KEY = "api_key";
    public static final String AUTH_SESSION = "session";
    public static final String AUTH_SERVICE = "service";

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The gateway accepts a client's request id up to this length and makes its own otherwise. */
    public static final int MAX_REQUEST_ID_LENGTH = 128;

    private InternalToken() {
    }
}
