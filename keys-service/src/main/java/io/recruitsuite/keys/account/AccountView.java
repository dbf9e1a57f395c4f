package io.recruitsuite.keys.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.recruitsuite.keys.limits.LimitsResolver;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/v1/account}: the calling key's organization, plan, the rate-limit windows its requests count
 * against, the month's usage against the plan's quota and the keys in use against the plan's maximum. A null
 * {@code quota}, {@code remaining} or {@code max} means unlimited.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountView(OrganizationRef organization, String plan, KeyRef key, List<Window> limits, Usage usage, KeysInUse keys) {

    public record OrganizationRef(String id, String name) {
    }

    /** The calling key (null for a caller that is not an API key). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KeyRef(String id, String prefix, String name, List<String> scopes, OffsetDateTime expiresAt) {
    }

    /**
     * One rate-limit window, named as the gateway names it in its {@code RateLimit-Policy} header and in a 429:
     * {@code limit} requests per {@code periodSeconds}, counted per {@code organization} or per {@code key}, over
     * {@code all} routes or {@code search} only; {@code source} says whether the size is the default, the plan's
     * or set for the organization.
     */
    public record Window(String name, String per, String appliesTo, int limit, long periodSeconds, LimitsResolver.Source source) {
    }

    /** Requests counted this calendar month (UTC) against the plan's monthly quota. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Usage(String month, long requests, Long quota, Long remaining, OffsetDateTime resetsAt) {
    }

    /** Active keys against the plan's maximum. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KeysInUse(long active, Integer max) {
    }
}
