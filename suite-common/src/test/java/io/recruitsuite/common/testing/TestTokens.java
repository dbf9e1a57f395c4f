package io.recruitsuite.common.testing;

import io.recruitsuite.common.security.InternalToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Set;
import java.util.UUID;

/**
 * Mints internal tokens for service tests, signed with the local key pair that ./suite generates,
 * exactly as the gateway would sign them. Shipped in the test-jar only.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static Path keysDir() {
        String dir = System.getenv("RS_KEYS_DIR");
        return dir != null ? Path.of(dir) : Path.of("..", ".suite", "keys");
    }

    /** A token for an API-key caller of {@code organizationId} with the given scopes. */
    public static String apiKey(String organizationId, String... scopes) {
        return sign(organizationId, Set.of(scopes), InternalToken.AUTH_API_KEY, 60, keysDir().resolve("internal-signing.pem"));
    }

    /** A dashboard-session caller with a role, as the gateway forwards it after checking the dashboard JWT. */
    public static String session(String organizationId, String userId, String role) {
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.AUDIENCE)
                .subject(userId)
                .claim(InternalToken.ORGANIZATION, organizationId)
                .claim(InternalToken.AUTH, InternalToken.AUTH_SESSION)
                .claim(InternalToken.ROLE, role)
                .groups(Set.of())
                .expiresIn(60)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(privateKey(keysDir().resolve("internal-signing.pem")));
    }

    /**
     * A dashboard-session caller with a role and the scopes the gateway gives that role
     * ({@code gateway.session-scopes.<role>}), as it forwards a session to the other services.
     */
    public static String session(String organizationId, String userId, String role, String... scopes) {
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.AUDIENCE)
                .subject(userId)
                .claim(InternalToken.ORGANIZATION, organizationId)
                .claim(InternalToken.AUTH, InternalToken.AUTH_SESSION)
                .claim(InternalToken.ROLE, role)
                .groups(Set.of(scopes))
                .expiresIn(60)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(privateKey(keysDir().resolve("internal-signing.pem")));
    }

    /** The gateway's own service token, as it presents it to the keys-service. */
    public static String gatewayService() {
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.AUDIENCE)
                .subject("gateway-service")
                .claim(InternalToken.AUTH, InternalToken.AUTH_SERVICE)
                .groups(Set.of(io.recruitsuite.common.security.Scopes.INTERNAL_GATEWAY))
                .expiresIn(60)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(privateKey(keysDir().resolve("internal-signing.pem")));
    }

    public static String operatorToken() {
        try {
            return Files.readString(keysDir().resolve("operator-token")).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("run ./suite infra to create the local keys", e);
        }
    }

    /** Already expired a minute ago. */
    public static String expired(String organizationId, String... scopes) {
        return sign(organizationId, Set.of(scopes), InternalToken.AUTH_API_KEY, -120, keysDir().resolve("internal-signing.pem"));
    }

    /** Well formed, but signed by a key the services do not trust. */
    public static String forged(String organizationId, String... scopes) {
        return sign(organizationId, Set.of(scopes), InternalToken.AUTH_API_KEY, 60, keysDir().resolve("dashboard-signing.pem"));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String newOrganizationId() {
        return "org_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String sign(String org, Set<String> scopes, String auth, long ttlSeconds, Path key) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.AUDIENCE)
                .subject("key:test")
                .claim(InternalToken.ORGANIZATION, org)
                .claim(InternalToken.KEY_PREFIX, "rsa_test_tst00000")
                .claim(InternalToken.PLAN, "enterprise")
                .claim(InternalToken.AUTH, auth)
                .groups(scopes)
                .issuedAt(now - (ttlSeconds < 0 ? 300 : 0))
                .expiresAt(now + ttlSeconds)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(privateKey(key));
    }

    private static PrivateKey privateKey(Path pem) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem), SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pem + " (run ./suite infra to create the local keys)", e);
        }
    }
}
