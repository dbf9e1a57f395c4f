package io.recruitsuite.keys.organizations;

import java.time.OffsetDateTime;

public record Organization(String id, String name, String plan, OffsetDateTime createdAt) {
}
