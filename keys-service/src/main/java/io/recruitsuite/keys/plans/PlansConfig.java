package io.recruitsuite.keys.plans;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** What each plan allows. A negative number means unlimited. */
@ConfigMapping(prefix = "plans")
public interface PlansConfig {

    PlanLimits free();

    PlanLimits starter();

    PlanLimits professional();

    PlanLimits enterprise();

    /** The rate-limit windows of every plan that does not set its own ({@code plans.<plan>.rate-limits.*}). */
    RateLimits rateLimits();

    /** The largest window size an operator may set for one organization (requests per minute or per hour). */
    int maxOverride();

    interface PlanLimits {
        boolean apiAccess();

        int maxKeys();

        long monthlyRequests();

        /** This plan's own windows; each one left unset is the shared {@code plans.rate-limits} one. */
        PlanRateLimits rateLimits();
    }

    interface RateLimits {
        int organizationPerMinute();

        int searchPerMinute();

        int keyPerMinute();

        int keyPerHour();
    }

    interface PlanRateLimits {
        Optional<Integer> organizationPerMinute();

        Optional<Integer> searchPerMinute();

        Optional<Integer> keyPerMinute();

        Optional<Integer> keyPerHour();
    }

    default PlanLimits of(Plan plan) {
        return switch (plan) {
            case FREE -> free();
            case STARTER -> starter();
            case PROFESSIONAL -> professional();
            case ENTERPRISE -> enterprise();
        };
    }
}
