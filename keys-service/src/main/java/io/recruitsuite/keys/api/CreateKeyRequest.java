package io.recruitsuite.keys.api;

import java.time.OffsetDateTime;
import java.util.List;

public record CreateKeyRequest(String name, List<String> scopes, OffsetDateTime expiresAt) {
}
