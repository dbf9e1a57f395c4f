package io.recruitsuite.webhook.signing;

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
 * Encrypts endpoint secrets at rest with AES-256-GCM (a random 12-byte nonce in front of the
 * ciphertext). The delivery must sign with the secret itself, so a hash would not do; a stolen
 * database without the key yields no usable secret.
 *
 * <p>The key comes from {@code webhooks.secret-key} (RS_WEBHOOK_SECRET_KEY), else from the key
 * file, else, in development and tests only, from a configured passphrase. Without any of them the
 * service refuses to start. Neither the key nor a secret is ever logged.
 */
@Singleton
@Startup
public class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @Inject
    public SecretBox(WebhooksConfig config) {
        this(resolveKey(config.secretKey(), config.secretKeyFile(), config.devSecretPassphrase()));
    }

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the webhook secret key must be 32 bytes (64 hex characters)");
        }
        this.key = new SecretKeySpec(key, "AES");
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

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an endpoint secret", e);
        }
    }

    /** Decrypts the secret of {@code endpointId} (named in errors only); fails when the box was altered or sealed under another key. */
    public String open(String endpointId, byte[] box) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE));
            return new String(cipher.doFinal(box, NONCE, box.length - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot decrypt the secret of endpoint " + endpointId + " (another key, or altered data)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of endpoint " + endpointId, e);
        }
    }
}
