package io.recruitsuite.common.security;

import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret shared between one caller and the few routes it opens, sent in a header and read from a file on both
 * sides. Both sides are hashed before a constant-time comparison so neither the length nor the content of the
 * expected secret leaks through timing. Unlike the gateway's internal-token signing key, such a secret cannot stand
 * for a caller, an organization or a scope.
 */
public class SharedSecretCredential {

    static final int MIN_LENGTH = 16;

    private final String header;
    private final String purpose;
    private final String token;
    private final byte[] expectedDigest;

    protected SharedSecretCredential(String header, String purpose, String token) {
        this.header = header;
        this.purpose = purpose;
        this.token = token;
        this.expectedDigest = sha256(token);
    }

    /** The secret in {@code file}, refused when shorter than {@value #MIN_LENGTH} characters. */
    protected static String read(Path file, String purpose) {
        try {
            String token = Files.readString(file).trim();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalStateException("the " + purpose + " token must have at least " + MIN_LENGTH + " characters");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + purpose + " token from " + file, e);
        }
    }

    public static SharedSecretCredential fromFile(Path file, String header, String purpose) {
        return new SharedSecretCredential(header, purpose, read(file, purpose));
    }

    /** The value the caller sends in its header. */
    public String token() {
        return token;
    }

    public String header() {
        return header;
    }

    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented), expectedDigest);
    }

    /** Lets the request through when it carries the credential, or answers 401 in the error envelope. */
    public void check(ContainerRequestContext request) {
        if (!accepts(request.getHeaderString(header))) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorEnvelope.of(ErrorCode.UNAUTHORIZED, "Missing or invalid " + purpose + " credential")).build());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[***]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
