package io.recruitsuite.console.session;

import io.recruitsuite.console.ConsoleConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Dashboard session tokens for the gateway, signed with the dashboard signing key (the key {@code ./suite token}
 * uses locally): the console is the deployed issuer of dashboard sessions. Each is short-lived and names the member's
 * organization and user as the keys-service matched them; the gateway still takes the role from the keys-service.
 */
@ApplicationScoped
public class SessionTokens {

    @Inject
    ConsoleConfig config;

    public String sessionFor(Membership member) {
        Instant now = Instant.now();
        return Jwt.issuer(config.sessionTokens().issuer())
                .audience(config.sessionTokens().audience())
                .subject(member.userId())
                .claim("org", member.organizationId())
                .claim("role", member.role())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.sessionTokens().lifetime()))
                .sign();
    }
}
