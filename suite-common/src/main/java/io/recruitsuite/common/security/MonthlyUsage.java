package io.recruitsuite.common.security;

/**
 * The keys-service's authoritative count of an organization's requests in one UTC month
 * ({@code GET /internal/v1/usage/{organizationId}/{month}}), which the gateway starts its Redis quota
 * counter from whenever Redis has lost it.
 */
public record MonthlyUsage(String organizationId, String month, long requests) {
}
