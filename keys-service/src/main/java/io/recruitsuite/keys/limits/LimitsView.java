package io.recruitsuite.keys.limits;

import java.time.OffsetDateTime;

/**
 * An organization's windows as the operator API shows them: the plan's values, the organization's overrides
 * (null where none) and what the gateways apply.
 */
public record LimitsView(String organizationId, String plan, RateLimits planLimits, LimitOverrides overrides, RateLimits effective,
                         OffsetDateTime updatedAt) {
}
