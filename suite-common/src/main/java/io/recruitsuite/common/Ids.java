package io.recruitsuite.common;

import java.security.SecureRandom;

/** Opaque, type-prefixed identifiers such as {@code cand_3xK9…}: unguessable, URL-safe, and self-describing in logs. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 20;

    private Ids() {
    }

    public static String newId(String type) {
        return type + "_" + randomBase62(RANDOM_CHARS);
    }

    public static String randomBase62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** True when {@code id} has the given type prefix and only base62 characters after it. */
    public static boolean looksLike(String type, String id) {
        if (id == null || !id.startsWith(type + "_") || id.length() > type.length() + 1 + 64) {
            return false;
        }
        for (int i = type.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return id.length() > type.length() + 1;
    }
}
