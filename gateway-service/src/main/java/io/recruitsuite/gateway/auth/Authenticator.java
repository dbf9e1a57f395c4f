package io.recruitsuite.gateway.auth;

import java.time.Instant;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.gateway.GatewayConfig;
import io.recruitsuite.gateway.routing.RouteTable;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Decides who is calling a route, and whether they may. */
@Singleton
public class Authenticator {

    public static final String PLAN_WITHOUT_ACCESS = "Plan does not include API access";

    @Inject
    KeyVerifier keys;
    @Inject
    JWTParser jwtParser;
    @Inject
    GatewayConfig config;
    @Inject
    Memberships memberships;

    public Uni<Principal> authenticate(Credentials credentials, RouteTable.Match route, String clientAddress) {
        return switch (credentials.kind()) {
            case NONE -> fail(ErrorCode.UNAUTHORIZED, route.auth() == RouteTable.Auth.SESSION
                    ? "Missing dashboard session token" : "Missing API key");
            case MALFORMED -> fail(ErrorCode.UNAUTHORIZED, "Malformed credentials");
            case API_KEY -> route.auth() == RouteTable.Auth.SESSION
                    ? fail(ErrorCode.UNAUTHORIZED, "This endpoint needs a dashboard session, not an API key")
                    : apiKey(credentials.value(), clientAddress);
            case JWT -> route.auth() == RouteTable.Auth.API_KEY
                    ? fail(ErrorCode.UNAUTHORIZED, "Invalid API key")
: session(credentials.value(), route);
        };
    }

    /**
     * The caller, when an API key this process has verified and cached is presented to a route that takes
     * keys, with no I/O; null otherwise ({@link #authenticate} then decides, refusals included).
     */
    public Principal known(Credentials credentials, RouteTable.Match route) {
        if (credentials.kind() != Credentials.Kind.API_KEY || route.auth() == RouteTable.Auth.SESSION) {
            return null;
        }
        KeyVerdict verdict = keys.cached(credentials.value());
        return verdict != null && verdict.valid() && !verdict.expiredAt(Instant.now()) ? verdict.principal() : null;
    }

    /** The route's scope, when it has one, must be among the caller's scopes. */
    public void authorize(Principal principal, RouteTable.Match route) {
        route.scope().ifPresent(scope -> {
            if (!principal.scopes().contains(scope)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This key lacks the required scope: " + scope);
            }
        });
    }

    private Uni<Principal> apiKey(String key, String clientAddress) {
        return keys.verify(key, clientAddress).map(verdict -> {
            if (verdict.valid()) {
                if (verdict.expiredAt(Instant.now())) {
                    throw new ApiException(ErrorCode.UNAUTHORIZED, "API key has expired");
                }
                return verdict.principal();
            }
            throw switch (verdict.reason()) {
                case PLAN_WITHOUT_ACCESS -> new ApiException(ErrorCode.FORBIDDEN, PLAN_WITHOUT_ACCESS);
                case REVOKED -> new ApiException(ErrorCode.UNAUTHORIZED, "API key has been revoked");
                case EXPIRED -> new ApiException(ErrorCode.UNAUTHORIZED, "API key has expired");
                case INVALID -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid API key");
            };
        });
    }

    private Uni<Principal> session(String token, RouteTable.Match route) {
        JsonWebToken jwt;
        try {
            jwt = jwtParser.parse(token);
        } catch (ParseException e) {
            return fail(ErrorCode.UNAUTHORIZED, "Invalid or expired session token");
        }
        String org = jwt.getClaim("org");
        String user = jwt.getSubject();
        if (org == null || user == null) {
            return fail(ErrorCode.UNAUTHORIZED, "Session token lacks organization or user");
        }
        // the role and the plan as they are now: a removed member's or a downgraded organization's token is not enough
        return memberships.standing(org, user).map(standing -> {
            if (!standing.member() || !config.sessionScopes().containsKey(standing.role())) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "This session's user is no longer a member of the organization");
            }
            if (route.auth() != RouteTable.Auth.SESSION && !standing.apiAccess()) {
                throw new ApiException(ErrorCode.FORBIDDEN, PLAN_WITHOUT_ACCESS);
            }
            var s = config.sessions();
            Principal.Limits limits = new Principal.Limits(-1, s.perOrganizationPerMinute(), s.perOrganizationPerMinute(),
                    s.perUserPerMinute(), s.perUserPerHour());
            return new Principal(InternalToken.AUTH_SESSION, org, user, null, null, standing.role(),
                    config.sessionScopes().get(standing.role()), standing.plan(), limits);
        });
    }

    private static <T> Uni<T> fail(ErrorCode code, String message) {
        return Uni.createFrom().failure(new ApiException(code, message));
    }
}
