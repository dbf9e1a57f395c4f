package io.recruitsuite.keys.keys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Keyed hash of an API key: HMAC-SHA256 with a server-side pepper that never sits in the database,
 * so a stolen table alone cannot be used to test guesses offline.
 */
public final class KeyHasher {

    private final ThreadLocal<Mac> mac;
    private final byte[] decoyHash;

    public KeyHasher(byte[] pepper) {
        if (pepper.length < 16) {
            throw new IllegalArgumentException("the key pepper must have at least 16 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(pepper.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.decoyHash = hash("rsa_live_decoy-for-unknown-prefixes");
    }

    public byte[] hash(String key) {
        return mac.get().doFinal(key.getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time comparison of {@code key}'s hash with {@code stored}. */
    public boolean matches(String key, byte[] stored) {
        return MessageDigest.isEqual(hash(key), stored);
    }

    /** Does the same work as {@link #matches} for a key whose prefix is unknown, so both paths take the same time. */
    public boolean matchesNothing(String key) {
        MessageDigest.isEqual(hash(key), decoyHash);
        return false;
    }
}
