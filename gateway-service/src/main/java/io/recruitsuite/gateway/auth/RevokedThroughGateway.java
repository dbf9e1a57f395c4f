package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.ApiKeyFormat;
import java.util.Optional;

/**
 * Recognises a key revocation the gateway itself relayed ({@code DELETE /api/v1/keys/{prefix}} answered with success),
 * so the gateway drops the key's cached verdict before the client reads the answer. The key event on Kafka still
 * reaches every other gateway instance; this only closes the window on the instance that saw the revocation.
 */
public final class RevokedThroughGateway {

    static final String KEYS_PATH = "/api/v1/keys/";

    private RevokedThroughGateway() {
    }

    /** The prefix of the key the request revoked, if it was a successful revocation. */
    public static Optional<String> prefix(String method, String path, int status) {
        if (!"DELETE".equals(method) || status < 200 || status >= 300 || path == null || !path.startsWith(KEYS_PATH)) {
            return Optional.empty();
        }
        String prefix = path.substring(KEYS_PATH.length());
        return ApiKeyFormat.isPrefix(prefix) ? Optional.of(prefix) : Optional.empty();
    }
}
