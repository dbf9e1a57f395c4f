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
 * The search-service's credential towards the candidate-service's document reader
 * ({@code /internal/v1/organizations/{org}/documents}, header {@value #HEADER}), read from {@value #TOKEN_FILE}. It opens those two
 * read-only routes and nothing else: unlike the gateway's internal-token signing key, it cannot stand for a caller,
 * an organization or a scope (docs/security.md, "Service to service"). Both sides are hashed before a
 * constant-time comparison.
 */
public final class DocumentReaderCredential {

    public static final String HEADER = "X-Service-Token";
    public static final String TOKEN_FILE = "rs.document-reader.token-file";
    static final int MIN_LENGTH = 16;

    private final String token;
    private final byte[] expectedDigest;

    private DocumentReaderCredential(String token) {
        this.token = token;
        this.expectedDigest = sha256(token);
    }

    public static DocumentReaderCredential fromFile(Path file) {
        try {
            String token = Files.readString(file).trim();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalStateException("the document-reader token must have at least " + MIN_LENGTH + " characters");
            }
            return new DocumentReaderCredential(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the document-reader token from " + file, e);
        }
    }

    /** The value the caller sends in {@value #HEADER}. */
    public String token() {
        return token;
    }

    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented), expectedDigest);
    }

    /** Lets the request through when it carries the credential, or answers 401 in the error envelope. */
    public void check(ContainerRequestContext request) {
        if (!accepts(request.getHeaderString(HEADER))) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorEnvelope.of(ErrorCode.UNAUTHORIZED, "Missing or invalid service credential")).build());
        }
    }

    @Override
    public String toString() {
        return "DocumentReaderCredential[***]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
