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
 * The operator credential of the administration endpoints ({@code X-Operator-Token}), shared by the
 * services that have such endpoints. Both sides are hashed before a constant-time comparison so
 * neither the length nor the content of the expected credential leaks through timing.
 */
public final class OperatorCredential {

    public static final String HEADER = "X-Operator-Token";
    static final int MIN_LENGTH = 16;

    private final byte[] expectedDigest;

    private OperatorCredential(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    public static OperatorCredential fromFile(Path file) {
        try {
            String token = Files.readString(file).trim();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalStateException("the operator token must have at least " + MIN_LENGTH + " characters");
            }
            return new OperatorCredential(sha256(token));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the operator token from " + file, e);
        }
    }

    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented), expectedDigest);
    }

    /** Lets the request through when it carries the credential, or answers 401 in the error envelope. */
    public void check(ContainerRequestContext request) {
        if (!accepts(request.getHeaderString(HEADER))) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorEnvelope.of(ErrorCode.UNAUTHORIZED, "Missing or invalid operator credential")).build());
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
