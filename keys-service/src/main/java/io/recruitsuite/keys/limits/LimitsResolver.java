package io.recruitsuite.keys.limits;

import com.fasterxml.jackson.annotation.JsonValue;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.recruitsuite.common.error.ErrorEnvelope;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which size each window of an organization has: the operator's override for the organization, else the
 * plan's own value ({@code plans.<plan>.rate-limits}), else the value shared by all plans ({@code plans.rate-limits},
 * seed 000's 60 / 30 / 300 / 6,000).
 */
@ApplicationScoped
public class LimitsResolver {

    /** Where a window's size comes from. */
    @Schema(name = "RateLimitSource")
    public enum Source {
        DEFAULT, PLAN, ORGANIZATION;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One window's size and where it comes from. */
    public record Resolved(int limit, Source source) {
    }

    /** The four windows, resolved. */
    public record Effective(Resolved organizationPerMinute, Resolved searchPerMinute, Resolved keyPerMinute, Resolved keyPerHour) {

        public RateLimits values() {
            return new RateLimits(organizationPerMinute.limit(), searchPerMinute.limit(), keyPerMinute.limit(), keyPerHour.limit());
        }
    }

    private final PlansConfig plans;

    @Inject
    public LimitsResolver(PlansConfig plans) {
        this.plans = plans;
    }

    /** The plan's windows, before any organization's override. */
    public Effective forPlan(Plan plan) {
        return resolve(plan, LimitOverrides.NONE);
    }

    public Effective resolve(Plan plan, LimitOverrides overrides) {
        PlansConfig.RateLimits shared = plans.rateLimits();
        PlansConfig.PlanRateLimits own = plans.of(plan).rateLimits();
        return new Effective(
                pick(overrides.organizationPerMinute(), own.organizationPerMinute(), shared.organizationPerMinute()),
                pick(overrides.searchPerMinute(), own.searchPerMinute(), shared.searchPerMinute()),
                pick(overrides.keyPerMinute(), own.keyPerMinute(), shared.keyPerMinute()),
                pick(overrides.keyPerHour(), own.keyPerHour(), shared.keyPerHour()));
    }

    private static Resolved pick(Integer override, Optional<Integer> plan, int shared) {
        if (override != null) {
            return new Resolved(override, Source.ORGANIZATION);
        }
        return plan.map(value -> new Resolved(value, Source.PLAN)).orElseGet(() -> new Resolved(shared, Source.DEFAULT));
    }

    /** The overrides an operator asks for, checked: at least one window, each between 1 and {@code plans.max-override}. */
    public LimitOverrides validate(LimitOverrides requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.validation("Give at least one of organizationPerMinute, searchPerMinute, "
                    + "keyPerMinute, keyPerHour (DELETE resets every window to the plan's)");
        }
        int max = plans.maxOverride();
        List<ErrorEnvelope.Detail> wrong = new ArrayList<>();
        check("organizationPerMinute", requested.organizationPerMinute(), max, wrong);
        check("searchPerMinute", requested.searchPerMinute(), max, wrong);
        check("keyPerMinute", requested.keyPerMinute(), max, wrong);
        check("keyPerHour", requested.keyPerHour(), max, wrong);
        if (!wrong.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR,
                    wrong.stream().map(d -> d.field() + ": " + d.issue()).collect(Collectors.joining("; ")), wrong);
        }
        return requested;
    }

    private static void check(String field, Integer value, int max, List<ErrorEnvelope.Detail> wrong) {
        if (value != null && (value < 1 || value > max)) {
            wrong.add(new ErrorEnvelope.Detail(field, "must be between 1 and " + max));
        }
    }
}
