package io.recruitsuite.keys.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.recruitsuite.keys.limits.LimitsResolver;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/v1/account}: the calling key's organization, plan, the rate-limit windows its requests count
 * against, the month's usage against the plan's quota and the keys in use against the plan's maximum. A null
 * {@code quota}, {@code remaining} or {@code max} means unlimited.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Account")
public record AccountView(
        OrganizationRef organization,
        @Schema(description = "the organization's plan: starter, professional or enterprise") String plan,
        @Schema(nullable = true, description = "the calling key; null for a caller that is not an API key") KeyRef key,
        @Schema(description = "every rate-limit window a request of this key may count against") List<Window> limits,
        Usage usage,
        KeysInUse keys) {

    @Schema(name = "AccountOrganization")
    public record OrganizationRef(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AccountKey")
    public record KeyRef(String id, String prefix, String name, List<String> scopes,
                         @Schema(nullable = true, description = "null: the key does not expire") OffsetDateTime expiresAt) {
    }

    /**
     * One rate-limit window, named as the gateway names it in its {@code RateLimit-Policy} header and in a 429:
     * {@code limit} requests per {@code periodSeconds}, counted per {@code organization} or per {@code key}, over
     * {@code all} routes or {@code search} only; {@code source} says whether the size is the default, the plan's
     * or set for the organization.
     */
    @Schema(name = "RateLimitWindow")
    public record Window(
            @Schema(enumeration = {"organization-minute", "search-minute", "key-minute", "key-hour"},
                    description = "the window's name in RateLimit-Policy and in a 429") String name,
            @Schema(enumeration = {"organization", "key"}, description = "whose requests the window counts") String per,
            @Schema(enumeration = {"all", "search"}, description = "which routes' requests the window counts") String appliesTo,
            @Schema(description = "requests allowed per period") int limit,
            @Schema(description = "the window's length in seconds (sliding)") long periodSeconds,
            @Schema(description = "default (every plan), plan (the plan's own) or organization (set for the organization)")
            LimitsResolver.Source source) {
    }

    /** Requests counted this calendar month (UTC) against the plan's monthly quota. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AccountUsage")
    public record Usage(
            @Schema(description = "the calendar month, YYYY-MM (UTC)") String month,
            @Schema(description = "requests counted this month, from the gateways' usage reports (up to about ten seconds behind)")
            long requests,
            @Schema(nullable = true, description = "the plan's monthly quota; null: unlimited") Long quota,
            @Schema(nullable = true, description = "requests left this month; null: unlimited") Long remaining,
            @Schema(description = "when the count starts again: the first instant of next month (UTC)") OffsetDateTime resetsAt) {
    }

    /** Active keys against the plan's maximum. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AccountKeys")
    public record KeysInUse(
            @Schema(description = "keys neither revoked nor expired") long active,
            @Schema(nullable = true, description = "the plan's maximum of active keys; null: unlimited") Integer max) {
    }
}
