package io.recruitsuite.keys.limits;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An operator's overrides of an organization's windows (the body of {@code PUT /admin/v1/organizations/{id}/limits},
 * and how they are shown): each one given replaces the plan's value, each one left out (null) keeps it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LimitOverrides(Integer organizationPerMinute, Integer searchPerMinute, Integer keyPerMinute, Integer keyPerHour) {

    public static final LimitOverrides NONE = new LimitOverrides(null, null, null, null);

    public boolean isEmpty() {
        return organizationPerMinute == null && searchPerMinute == null && keyPerMinute == null && keyPerHour == null;
    }
}
