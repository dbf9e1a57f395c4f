package io.recruitsuite.common.security;

import io.recruitsuite.common.Ids;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * API keys look like {@code rsa_live_<32 random base62><6 base62 checksum>}. The random part carries
 * about 190 bits; the checksum (CRC-32 of everything before it) lets us reject a mistyped or
 * truncated key before any cache or database look-up, and lets secret scanners recognise ours.
 * The public prefix ({@code rsa_live_} plus the first 8 random characters) names a key in the
 * dashboard and in URLs; it is not secret.
 */
public final class ApiKeyFormat {

    public static final String LIVE = "rsa_live_";
    public static final String TEST = "rsa_test_";
    public static final int RANDOM_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int PUBLIC_ID_LENGTH = 8;
    public static final int KEY_LENGTH = LIVE.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    public static final int PREFIX_LENGTH = LIVE.length() + PUBLIC_ID_LENGTH;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKeyFormat() {
    }

    public record ParsedKey(String key, String prefix) {
        @Override
        public String toString() {
            return "ParsedKey[prefix=" + prefix + "]";
        }
    }

    /** A new key for {@code environment} ("live" or "test"). */
    public static String generate(String environment) {
        String head = "test".equals(environment) ? TEST : LIVE;
        String body = head + Ids.randomBase62(RANDOM_LENGTH);
        return body + checksum(body);
    }

    /** The parsed key when it is well formed with a correct checksum; empty otherwise. Never touches storage. */
    public static Optional<ParsedKey> parse(String key) {
        if (key == null || key.length() != KEY_LENGTH || !(key.startsWith(LIVE) || key.startsWith(TEST))) {
            return Optional.empty();
        }
        for (int i = LIVE.length(); i < key.length(); i++) {
            if (ALPHABET.indexOf(key.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        String body = key.substring(0, key.length() - CHECKSUM_LENGTH);
        if (!checksum(body).equals(key.substring(key.length() - CHECKSUM_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(key, key.substring(0, PREFIX_LENGTH)));
    }

    /** True for strings shaped like a public prefix (used to validate path parameters). */
    public static boolean isPrefix(String value) {
        if (value == null || value.length() != PREFIX_LENGTH || !(value.startsWith(LIVE) || value.startsWith(TEST))) {
            return false;
        }
        for (int i = LIVE.length(); i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
