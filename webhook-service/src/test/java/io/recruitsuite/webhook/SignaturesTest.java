package io.recruitsuite.webhook;

import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.Signatures;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturesTest {

    @Test
    void standardSignatureMatchesTheSpecificationsTestVector() {
        // the published Standard Webhooks test vector: any of its libraries verifies what we sign
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body));
    }

    @Test
    void legacySignatureIsWhatTheSeedSnippetsCompute() throws Exception {
        String secret = Signatures.newSecret();
        byte[] body = "{\"id\":\"1\",\"type\":\"webhook.test\",\"data\":{\"message\":\"héllo\"}}".getBytes(StandardCharsets.UTF_8);
        // Python: hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(body));
        String signature = Signatures.legacy(secret, body);
        assertEquals(expected, signature);
        assertTrue(signature.matches("[0-9a-f]{64}"), "lowercase hex, as Node's digest(\"hex\") gives");
        // crypto.timingSafeEqual / hmac.compare_digest
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8)));
        body[body.length - 2] = '!';
        assertNotEquals(signature, Signatures.legacy(secret, body), "a changed body no longer verifies");
    }

    @Test
    void secretsAreWhsecPrefixedBase64Of32RandomBytes() {
        String a = Signatures.newSecret();
        String b = Signatures.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, b);
    }

    @Test
    void secretBoxRoundTripsAndRefusesTamperingOrAnotherKey() {
        byte[] key = new byte[32];
        key[0] = 1;
        SecretBox box = new SecretBox(key);
        String secret = Signatures.newSecret();
        byte[] sealed = box.seal(secret);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret.substring(6, 20)), "not stored in clear");
        assertNotEquals(HexFormat.of().formatHex(sealed), HexFormat.of().formatHex(box.seal(secret)), "a fresh nonce every time");
        assertEquals(secret, box.open("whk_1", sealed));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> box.open("whk_1", tampered));
        byte[] otherKey = key.clone();
        otherKey[1] = 2;
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class, () -> new SecretBox(otherKey).open("whk_1", sealed));
        assertFalse(wrongKey.getMessage().contains(secret), "errors never carry the secret");
        assertThrows(IllegalStateException.class, () -> new SecretBox(new byte[16]), "AES-256 only");
        assertArrayEquals(sealed, sealed.clone());
    }

    @Test
    void boxesNameTheirKeyAndOldKeysOpenWhatTheySealedUntilSealedAgain() throws Exception {
        byte[] k1 = new byte[32];
        k1[0] = 1;
        byte[] k2 = new byte[32];
        k2[0] = 2;
        String secret = Signatures.newSecret();
        SecretBox before = new SecretBox("k1", k1, java.util.Map.of());
        byte[] underK1 = before.seal(secret);
        assertEquals("k1", SecretBox.keyId(underK1));
        byte[] legacy = legacyBox(k1, secret);
        assertEquals(null, SecretBox.keyId(legacy), "a box from before key ids names none");

        SecretBox rotated = new SecretBox("k2", k2, java.util.Map.of("k1", k1));
        assertEquals(secret, rotated.open("whk_1", underK1), "a retired key still opens what it sealed");
        assertEquals(secret, rotated.open("whk_1", legacy), "and boxes from before key ids");
        assertTrue(rotated.needsReseal(underK1));
        assertTrue(rotated.needsReseal(legacy));
        byte[] resealed = rotated.seal(rotated.open("whk_1", underK1));
        assertEquals("k2", SecretBox.keyId(resealed));
        assertFalse(rotated.needsReseal(resealed));

        SecretBox k1Removed = new SecretBox("k2", k2, java.util.Map.of());
        assertEquals(secret, k1Removed.open("whk_1", resealed));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> k1Removed.open("whk_1", underK1));
        assertTrue(missing.getMessage().contains("'k1'"), missing.getMessage());
        assertFalse(missing.getMessage().contains(secret));
    }

    /** A box as the service sealed it before key ids: nonce, then ciphertext. */
    static byte[] legacyBox(byte[] key, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return out;
    }
}
