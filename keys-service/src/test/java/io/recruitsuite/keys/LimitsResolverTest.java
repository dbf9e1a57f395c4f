package io.recruitsuite.keys;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.limits.LimitOverrides;
import io.recruitsuite.keys.limits.LimitsResolver;
import io.recruitsuite.keys.limits.LimitsResolver.Source;
import io.recruitsuite.keys.limits.RateLimits;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How an organization's windows are chosen: its override, else its plan's, else the shared default. */
class LimitsResolverTest {

    static PlansConfig plans(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>();
        for (String plan : new String[] {"free", "starter", "professional", "enterprise"}) {
            p.put("plans." + plan + ".api-access", Boolean.toString(!plan.equals("free")));
            p.put("plans." + plan + ".max-keys", "5");
            p.put("plans." + plan + ".monthly-requests", "-1");
        }
        p.put("plans.rate-limits.organization-per-minute", "60");
        p.put("plans.rate-limits.search-per-minute", "30");
        p.put("plans.rate-limits.key-per-minute", "300");
        p.put("plans.rate-limits.key-per-hour", "6000");
        p.put("plans.max-override", "1000");
        p.putAll(extra);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PlansConfig.class)
                .withSources(new PropertiesConfigSource(p, "test", 100)).build();
        return config.getConfigMapping(PlansConfig.class);
    }

    @Test
    void withoutPlanWindowsOrOverridesEveryPlanHasSeedZeroZeroZerosWindows() {
        LimitsResolver resolver = new LimitsResolver(plans(Map.of()));
        for (Plan plan : Plan.values()) {
            LimitsResolver.Effective e = resolver.forPlan(plan);
            assertEquals(new RateLimits(60, 30, 300, 6000), e.values(), plan.wire());
            assertEquals(Source.DEFAULT, e.organizationPerMinute().source());
            assertEquals(Source.DEFAULT, e.keyPerHour().source());
        }
    }

    @Test
    void aPlanSetsSomeWindowsOfItsOwnAndAnOrganizationOverridesOnTop() {
        LimitsResolver resolver = new LimitsResolver(plans(Map.of(
                "plans.enterprise.rate-limits.organization-per-minute", "600",
                "plans.enterprise.rate-limits.key-per-hour", "60000")));
        LimitsResolver.Effective enterprise = resolver.forPlan(Plan.ENTERPRISE);
        assertEquals(new RateLimits(600, 30, 300, 60000), enterprise.values());
        assertEquals(Source.PLAN, enterprise.organizationPerMinute().source());
        assertEquals(Source.DEFAULT, enterprise.searchPerMinute().source());
        // other plans keep the shared windows
        assertEquals(new RateLimits(60, 30, 300, 6000), resolver.forPlan(Plan.STARTER).values());

        LimitsResolver.Effective overridden = resolver.resolve(Plan.ENTERPRISE, new LimitOverrides(20, null, null, 1000));
        assertEquals(new RateLimits(20, 30, 300, 1000), overridden.values());
        assertEquals(Source.ORGANIZATION, overridden.organizationPerMinute().source());
        assertEquals(Source.ORGANIZATION, overridden.keyPerHour().source());
        assertEquals(Source.DEFAULT, overridden.keyPerMinute().source());
    }

    @Test
    void overridesMustNameAWindowAndStayWithinBounds() {
        LimitsResolver resolver = new LimitsResolver(plans(Map.of()));
        assertThrows(ApiException.class, () -> resolver.validate(null));
        assertThrows(ApiException.class, () -> resolver.validate(LimitOverrides.NONE));
        ApiException wrong = assertThrows(ApiException.class, () -> resolver.validate(new LimitOverrides(0, 5, 1001, null)));
        assertEquals(2, wrong.details().size());
        assertEquals("organizationPerMinute", wrong.details().get(0).field());
        assertEquals("keyPerMinute", wrong.details().get(1).field());
        assertEquals(new LimitOverrides(1, null, 1000, null), resolver.validate(new LimitOverrides(1, null, 1000, null)));
    }
}
