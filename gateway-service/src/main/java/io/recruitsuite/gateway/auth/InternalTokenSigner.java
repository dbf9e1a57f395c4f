package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.common.security.Scopes;
import io.recruitsuite.gateway.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;

/** Signs the short-lived internal token that every forwarded request carries. */
@ApplicationScoped
public class InternalTokenSigner {

    @Inject
    GatewayConfig config;

    private volatile String serviceToken;
    private volatile long serviceTokenRenewAt;

    public String forCaller(Principal p, String requestId) {
        JwtClaimsBuilder claims = base()
                .subject(p.subject())
                .claim(InternalToken.ORGANIZATION, p.organizationId())
                .claim(InternalToken.AUTH, p.authMethod())
                .claim(InternalToken.REQUEST_ID, requestId)
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

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign();
    }
}
