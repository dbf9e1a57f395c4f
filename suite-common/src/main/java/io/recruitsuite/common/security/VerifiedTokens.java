package io.recruitsuite.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JWT parser every service authenticates with, verifying a token's signature once rather than on
 * every request: the gateway reuses one internal token per caller for half its minute, and an ES256
 * verification was about three quarters of a service's CPU per request. A token string verified under
 * the same settings is answered from memory until it expires; anything else (a new, altered, expired or
 * differently-verified token) is verified in full by SmallRye JWT's own parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Bounds the memory a flood of distinct valid tokens could take; the map starts over beyond it. */
    static final int MAX_ENTRIES = 20_000;

    private record Key(JWTAuthContextInfo settings, String token) {
    }

    private final JWTAuthContextInfo settings;
    private final JWTParser verifier;
    private final Map<Key, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(JWTAuthContextInfo settings) {
        this(settings, new DefaultJWTParser(settings, JWTCallerPrincipalFactory.instance()));
    }

    VerifiedTokens(JWTAuthContextInfo settings, JWTParser verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return parse(token, settings);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo contextInfo) throws ParseException {
        // settings compare by identity: a token verified for one issuer and key never counts as verified for another
        Key key = new Key(contextInfo, token);
        JsonWebToken known = verified.get(key);
        if (known != null && System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken jwt = verifier.parse(token, contextInfo);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, jwt);
        return jwt;
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
