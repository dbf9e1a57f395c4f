package io.recruitsuite.keys;

import io.recruitsuite.common.security.ApiKeyFormat;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyFormatTest {

    @Test
    void generatedKeysParseAndCarryTheirPublicPrefix() {
        String key = ApiKeyFormat.generate("live");
        assertTrue(key.matches("rsa_live_[0-9A-Za-z]{38}"), key);
        var parsed = ApiKeyFormat.parse(key).orElseThrow();
        assertEquals(key.substring(0, 17), parsed.prefix());
        assertTrue(ApiKeyFormat.isPrefix(parsed.prefix()));
        assertTrue(ApiKeyFormat.generate("test").startsWith("rsa_test_"));
    }

    @Test
    void everySingleCharacterTypoIsCaughtByTheChecksum() {
        String key = ApiKeyFormat.generate("live");
        int caught = 0;
        int tried = 0;
        for (int i = 9; i < key.length(); i++) {
            for (char c : new char[]{'0', 'a', 'Z', 'q'}) {
                if (key.charAt(i) == c) {
                    continue;
                }
                tried++;
                String typo = key.substring(0, i) + c + key.substring(i + 1);
                if (ApiKeyFormat.parse(typo).isEmpty()) {
                    caught++;
                }
            }
        }
        assertEquals(tried, caught);
    }

    @Test
    void malformedKeysAreRejected() {
        String key = ApiKeyFormat.generate("live");
        assertFalse(ApiKeyFormat.parse(null).isPresent());
        assertFalse(ApiKeyFormat.parse("").isPresent());
        assertFalse(ApiKeyFormat.parse(key.substring(0, key.length() - 1)).isPresent());
        assertFalse(ApiKeyFormat.parse(key + "x").isPresent());
        assertFalse(ApiKeyFormat.parse("rsa_prod_" + key.substring(9)).isPresent());
        assertFalse(ApiKeyFormat.parse(key.substring(0, 20) + "-" + key.substring(21)).isPresent());
        assertFalse(ApiKeyFormat.parse(key.substring(0, 20) + "é" + key.substring(21)).isPresent());
    }

    @Test
    void keysAreUnique() {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(prefixes.add(ApiKeyFormat.generate("live").substring(0, 17)));
        }
    }
}
