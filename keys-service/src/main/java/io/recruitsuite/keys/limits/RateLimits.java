package io.recruitsuite.keys.limits;

/** The sizes of an organization's four rate-limit windows, as the gateway applies them. */
public record RateLimits(int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour) {
}
