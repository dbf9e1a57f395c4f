package io.recruitsuite.search.reindex;

import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.search.SearchConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards the operator API with the same credential as the keys-service's. Both sides are hashed
 * before a constant-time comparison so neither length nor content of the credential leaks.
 */
@Provider
@OperatorOnly
public class OperatorAuthFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Operator-Token";

    @Inject
    Instance<SearchConfig> config;

    private volatile byte[] expectedDigest;

    // read on first use: JAX-RS providers are built before runtime configuration exists
    private byte[] expectedDigest() {
        if (expectedDigest == null) {
            var file = config.get().reindex().operatorTokenFile();
            try {
                String token = Files.readString(file).trim();
                if (token.length() < 16) {
                    throw new IllegalStateException("the operator token must have at least 16 characters");
                }
                expectedDigest = sha256(token);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the operator token from " + file, e);
            }
        }
        return expectedDigest;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null || !MessageDigest.isEqual(sha256(presented), expectedDigest())) {
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
