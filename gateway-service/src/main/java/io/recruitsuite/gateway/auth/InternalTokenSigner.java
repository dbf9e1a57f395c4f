package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.gateway.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;

/** Signs the short-lived internal token that every forwarded request carries. */
@Singleton
public class InternalTokenSigner {

    @Inject
    GatewayConfig config;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String signingKeyLocation;

    // parsed once: signing runs on every forwarded request
    private volatile java.security.PrivateKey signingKey;

    private volatile String serviceToken;
    private volatile long serviceTokenRenewAt;

    /** A caller's token and, ready to write as it is, the Authorization header that carries it. */
    private record Cached(String token, io.netty.util.AsciiString authorization, long renewAtMillis) {
    }

    // an ES256 signature costs about a millisecond of CPU here: one token per caller, renewed at half its lifetime
    private final java.util.concurrent.ConcurrentHashMap<Principal, Cached> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The internal token for a caller. It is reused for half its lifetime, so it carries who is
     * calling but not the request id: that travels in the {@code X-Request-Id} header the gateway
     * sets on every forwarded request.
     */
    public String forCaller(Principal p) {
        return cachedFor(p).token();
    }

    /**
     * {@code Bearer <the caller's token>} as the forwarded request's Authorization value: kept with the token as
     * ASCII bytes, which the HTTP layer writes in one copy instead of character by character.
     */
    public CharSequence authorizationFor(Principal p) {
        return cachedFor(p).authorization();
    }

    private Cached cachedFor(Principal p) {
        long now = System.currentTimeMillis();
        Cached cached = tokens.get(p);
        if (cached != null && now < cached.renewAtMillis()) {
            return cached;
        }
        if (tokens.size() > MAX_CACHED) {
            tokens.clear();
        }
        String token = sign(p);
        Cached fresh = new Cached(token, new io.netty.util.AsciiString("Bearer " + token),
                now + config.internalToken().lifetime().toMillis() / 2);
        tokens.put(p, fresh);
        return fresh;
    }

    private static final int MAX_CACHED = 100_000;

    private String sign(Principal p) {
        JwtClaimsBuilder claims = base()
                .subject(p.subject())
                .claim(InternalToken.ORGANIZATION, p.organizationId())
                .claim(InternalToken.AUTH, p.authMethod())
                .groups(new HashSet<>(p.scopes()));
        if (p.keyPrefix() != null) {
            claims.claim(InternalToken.KEY_PREFIX, p.keyPrefix());
        }
        if (p.plan() != null) {
            claims.claim(InternalToken.PLAN, p.plan());
        }
        if (p.role() != null) {
            claims.claim(InternalToken.ROLE, p.role());
        }
        return sign(claims);
    }

    /** The gateway's own identity towards the keys-service, renewed at half its lifetime. */
    public String serviceToken() {
        long now = System.currentTimeMillis();
        String token = serviceToken;
        if (token == null || now >= serviceTokenRenewAt) {
            token = sign(base().subject("gateway-service")
                    .claim(InternalToken.AUTH, InternalToken.AUTH_SERVICE)
                    .groups(Set.of(Scopes.INTERNAL_GATEWAY)));
            serviceToken = token;
            serviceTokenRenewAt = now + config.internalToken().lifetime().toMillis() / 2;
        }
        return token;
    }

    private JwtClaimsBuilder base() {
        return Jwt.issuer(config.internalToken().issuer())
                .audience(config.internalToken().audience())
                .expiresIn(config.internalToken().lifetime());
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key());
    }

    private java.security.PrivateKey key() {
        if (signingKey == null) {
            try {
                String pem = java.nio.file.Files.readString(java.nio.file.Path.of(signingKeyLocation.replaceFirst("^file:", "")));
                signingKey = io.smallrye.jwt.util.KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.ES256);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the internal-token signing key " + signingKeyLocation, e);
            }
        }
        return signingKey;
    }
}
