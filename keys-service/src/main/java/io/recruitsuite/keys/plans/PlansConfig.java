package io.recruitsuite.keys.plans;

import io.smallrye.config.ConfigMapping;

/** What each plan allows. A negative number means unlimited. */
@ConfigMapping(prefix = "plans")
public interface PlansConfig {

    PlanLimits free();

    PlanLimits starter();

    PlanLimits professional();

    PlanLimits enterprise();

    RateLimits rateLimits();

    interface PlanLimits {
        boolean apiAccess();

        int maxKeys();

        long monthlyRequests();
    }

    interface RateLimits {
        int organizationPerMinute();

        int searchPerMinute();

        int keyPerMinute();

        int keyPerHour();
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
