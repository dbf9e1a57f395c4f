package io.recruitsuite.gateway.idempotency;

import java.util.Map;

/**
 * What Redis holds for an idempotency key: the request's fingerprint, and once answered, the answer to
 * replay (status, the headers that matter, the body).
 */
public record StoredAnswer(String fingerprint, boolean answered, int status, Map<String, String> headers, String body) {

    static StoredAnswer claimed(String fingerprint) {
        return new StoredAnswer(fingerprint, false, 0, Map.of(), null);
    }
}
