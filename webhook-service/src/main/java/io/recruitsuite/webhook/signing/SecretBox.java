package io.recruitsuite.webhook.signing;

import io.recruitsuite.webhook.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Encrypts endpoint secrets at rest with AES-256-GCM (random 12-byte nonce stored in front of the
 * ciphertext). A stolen database without the key file yields no usable secret.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE = 12;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    @Inject
    WebhooksConfig config;

    private SecretKeySpec key() {
        if (key == null) {
            try {
                byte[] raw = HexFormat.of().parseHex(Files.readString(config.secretKeyFile()).trim());
                if (raw.length != 32) {
                    throw new IllegalStateException("the webhook secret key must be 32 bytes of hex");
                }
                key = new SecretKeySpec(raw, "AES");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the webhook secret key from " + config.secretKeyFile(), e);
            }
        }
        return key;
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(byte[] box) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, box, 0, NONCE));
            return new String(cipher.doFinal(box, NONCE, box.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an endpoint secret (wrong key file?)", e);
        }
    }
}
