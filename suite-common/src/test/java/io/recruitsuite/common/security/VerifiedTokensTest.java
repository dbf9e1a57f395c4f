package io.recruitsuite.common.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** SmallRye's parser, counting full verifications. */
    static final class Counting extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        Counting() {
            super(JWTCallerPrincipalFactory.instance());
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo settings) throws ParseException {
            calls.incrementAndGet();
            return super.parse(token, settings);
        }
    }

    static JWTAuthContextInfo settings(KeyPair keys) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), "recruit-gateway");
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        return info;
    }

    static String token(KeyPair keys, String subject, long lifetimeSeconds) {
        return Jwt.issuer("recruit-gateway").subject(subject).expiresIn(lifetimeSeconds).jws()
                .algorithm(SignatureAlgorithm.ES256).sign(keys.getPrivate());
    }

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromMemoryButNothingElseIs() throws Exception {
        KeyPair keys = ecKeys();
        KeyPair other = ecKeys();
        Counting counting = new Counting();
        VerifiedTokens tokens = new VerifiedTokens(settings(keys), counting);
        JWTAuthContextInfo settings = settings(keys);
        String token = token(keys, "key:1", 60);

        for (int i = 0; i < 100; i++) {
            assertEquals("key:1", tokens.parse(token, settings).getSubject());
        }
        assertEquals(1, counting.calls.get(), "one signature verification for a hundred requests with the token");

        // another key's signature, the token altered, and the same token under other settings: each verified in full
        String forged = token(other, "key:1", 60);
        assertThrows(ParseException.class, () -> tokens.parse(forged, settings));
        assertThrows(ParseException.class, () -> tokens.parse(token.substring(0, token.length() - 2) + "AA", settings));
        assertThrows(ParseException.class, () -> tokens.parse(token, settings(other)));
        assertEquals(4, counting.calls.get());
    }

    @Test
    void aTokenPastItsExpiryIsNeverAnsweredFromMemory() throws Exception {
        KeyPair keys = ecKeys();
        Counting counting = new Counting();
        VerifiedTokens tokens = new VerifiedTokens(settings(keys), counting);
        JWTAuthContextInfo settings = settings(keys);
        String shortLived = token(keys, "key:2", 1);
        tokens.parse(shortLived, settings);
        Thread.sleep(2100);
        // verified in full again (the verifier then applies its own expiry rule and grace period)
        try {
            tokens.parse(shortLived, settings);
        } catch (ParseException expected) {
            // refused by the verifier: what matters here is that it was asked
        }
        assertEquals(2, counting.calls.get());
    }
}
