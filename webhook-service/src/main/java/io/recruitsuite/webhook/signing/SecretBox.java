package io.recruitsuite.webhook.signing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import io.quarkus.runtime.Startup;
import io.recruitsuite.webhook.WebhooksConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Encrypts endpoint secrets at rest with AES-256-GCM. The delivery must sign with the secret itself, so
 * a hash would not do; a stolen database without the key yields no usable secret.
 *
 * <p>A box names the key that sealed it: {@code "RSK" 0x01}, the key id's length and bytes, a random
 * 12-byte nonce, then the ciphertext. Boxes from before key ids (a nonce first) are opened with each
 * configured key in turn. The active key ({@code webhooks.secret-key}, RS_WEBHOOK_SECRET_KEY, else the key
 * file, else in development and tests a configured passphrase) seals, under {@code webhooks.secret-key-id};
 * retired keys ({@code webhooks.retired-secret-keys.<id>}) only open, until {@code SecretResealer} has
 * sealed every stored secret under the active key again. Without an active key the service refuses to
 * start. Neither a key nor a secret is ever logged.
 */
@Singleton
@Startup
public class SecretBox {

    private static final byte[] MAGIC = {'R', 'S', 'K', 1};
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final String activeId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    @Inject
    public SecretBox(WebhooksConfig config) {
        this(config.secretKeyId(), resolveKey(config.secretKey(), config.secretKeyFile(), config.devSecretPassphrase()),
                retired(config.retiredSecretKeys()));
    }

    /** A box with one key, id {@code k1}. */
    public SecretBox(byte[] key) {
        this("k1", key, Map.of());
    }

    public SecretBox(String activeId, byte[] activeKey, Map<String, byte[]> retiredKeys) {
        if (activeId == null || activeId.isBlank() || activeId.length() > 64) {
            throw new IllegalStateException("webhooks.secret-key-id must be 1 to 64 characters");
        }
        this.activeId = activeId;
        keys.put(activeId, spec(activeKey));
        retiredKeys.forEach((id, key) -> {
            if (!id.equals(activeId)) {
                keys.put(id, spec(key));
            }
        });
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("a webhook secret key must be 32 bytes (64 hex characters)");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static Map<String, byte[]> retired(Map<String, String> hexById) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        hexById.forEach((id, hex) -> out.put(id, parseHex(hex, "webhooks.retired-secret-keys." + id)));
        return out;
    }

    public String activeKeyId() {
        return activeId;
    }

    static byte[] resolveKey(Optional<String> hex, Optional<Path> file, Optional<String> devPassphrase) {
        if (hex.isPresent() && !hex.get().isBlank()) {
            return parseHex(hex.get(), "webhooks.secret-key");
        }
        if (file.isPresent() && Files.isReadable(file.get())) {
            try {
                return parseHex(Files.readString(file.get()), "the webhook secret key file");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the webhook secret key file", e);
            }
        }
        if (devPassphrase.isPresent() && !devPassphrase.get().isBlank()) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(devPassphrase.get().getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no webhook secret key: set RS_WEBHOOK_SECRET_KEY (64 hex characters) "
                + "or provide the key file (webhooks.secret-key-file)");
    }

    private static byte[] parseHex(String value, String source) {
        try {
            return HexFormat.of().parseHex(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be 64 hex characters");
        }
    }

    /** Seals {@code secret} under the active key, naming it in the box. */
    public byte[] seal(String secret) {
        try {
            byte[] id = activeId.getBytes(StandardCharsets.UTF_8);
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + id.length + NONCE + sealed.length);
            out.put(MAGIC).put((byte) id.length).put(id).put(nonce).put(sealed);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an endpoint secret", e);
        }
    }

    /** The id of the key that sealed {@code box}, or null for a box from before key ids. */
    public static String keyId(byte[] box) {
        if (box.length < MAGIC.length + 1 || !Arrays.equals(box, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        int length = box[MAGIC.length] & 0xff;
        if (box.length < MAGIC.length + 1 + length + NONCE) {
            return null;
        }
        return new String(box, MAGIC.length + 1, length, StandardCharsets.UTF_8);
    }

    /** Whether {@code box} should be sealed again under the active key. */
    public boolean needsReseal(byte[] box) {
        return box != null && !activeId.equals(keyId(box));
    }

    /** Decrypts the secret of {@code endpointId} (named in errors only); fails when the box was altered or its key is not configured. */
    public String open(String endpointId, byte[] box) {
        String id = keyId(box);
        if (id != null) {
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("the secret of endpoint " + endpointId + " was sealed under key '" + id
                        + "', which is not configured (webhooks.retired-secret-keys)");
            }
            int offset = MAGIC.length + 1 + (box[MAGIC.length] & 0xff);
            return decrypt(endpointId, key, box, offset);
        }
        // a box from before key ids: whichever configured key opens it
        IllegalStateException last = null;
        for (SecretKeySpec key : keys.values()) {
            try {
                return decrypt(endpointId, key, box, 0);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String decrypt(String endpointId, SecretKeySpec key, byte[] box, int offset) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, offset, NONCE));
            return new String(cipher.doFinal(box, offset + NONCE, box.length - offset - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot decrypt the secret of endpoint " + endpointId + " (another key, or altered data)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of endpoint " + endpointId, e);
        }
    }
}
