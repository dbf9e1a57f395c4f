package io.recruitsuite.common.security;

import java.util.List;
import java.util.Map;

/** API key scopes. In an internal token they are the JWT {@code groups}, so {@code @RolesAllowed} checks them. */
public final class Scopes {

    public static final String CANDIDATES_READ = "candidates:read";
    public static final String CANDIDATES_WRITE = "candidates:write";
    public static final String SEARCH_READ = "search:read";
    public static final String JOBS_READ = "jobs:read";
    public static final String JOBS_WRITE = "jobs:write";
    public static final String PIPELINE_READ = "pipeline:read";
    public static final String PIPELINE_WRITE = "pipeline:write";
    public static final String APPLICATIONS_READ = "applications:read";
    public static final String APPLICATIONS_WRITE = "applications:write";
    public static final String WEBHOOKS_READ = "webhooks:read";
    public static final String WEBHOOKS_WRITE = "webhooks:write";
    /** The organization's event history (GET /api/v1/events); each type still needs its own read scope. */
    public static final String EVENTS_READ = "events:read";
    public static final String INTERVIEWS_READ = "interviews:read";
    public static final String INTERVIEWS_WRITE = "interviews:write";
    public static final String ASSESSMENTS_READ = "assessments:read";
    public static final String ASSESSMENTS_WRITE = "assessments:write";
    public static final String TASKS_READ = "tasks:read";
    public static final String TASKS_WRITE = "tasks:write";
    public static final String MEETINGS_READ = "meetings:read";
    public static final String MEETINGS_WRITE = "meetings:write";
    public static final String PROSPECTS_READ = "prospects:read";
    public static final String PROSPECTS_WRITE = "prospects:write";
    public static final String REPORTS_READ = "reports:read";
    public static final String AGENTS_READ = "agents:read";
    public static final String AGENTS_WRITE = "agents:write";
    public static final String CAMPAIGNS_READ = "campaigns:read";
    public static final String CAMPAIGNS_WRITE = "campaigns:write";

    /** Granted to the gateway's own calls to the keys-service (key verification, usage). */
    public static final String INTERNAL_GATEWAY = "internal:gateway";

    public static final List<String> PUBLIC = List.of(
            CANDIDATES_READ, CANDIDATES_WRITE, SEARCH_READ, JOBS_READ, JOBS_WRITE, PIPELINE_READ, PIPELINE_WRITE,
            APPLICATIONS_READ, APPLICATIONS_WRITE, WEBHOOKS_READ, WEBHOOKS_WRITE, INTERVIEWS_READ, INTERVIEWS_WRITE,
            ASSESSMENTS_READ, ASSESSMENTS_WRITE, TASKS_READ, TASKS_WRITE, MEETINGS_READ, MEETINGS_WRITE, PROSPECTS_READ, PROSPECTS_WRITE,
            REPORTS_READ, AGENTS_READ, AGENTS_WRITE, CAMPAIGNS_READ, CAMPAIGNS_WRITE, EVENTS_READ);

    /**
     * Seed 001's names for two of our scope families, accepted where scopes are requested so a migrating integrator's
     * scope lists just work; stored and shown under our names ({@link #canonical}).
     */
    public static final Map<String, String> ALIASES = Map.of(
            "tests:read", ASSESSMENTS_READ, "tests:write", ASSESSMENTS_WRITE,
            "stages:read", PIPELINE_READ, "stages:write", PIPELINE_WRITE);

    /** Our name of {@code scope}: an alias's target, any other string unchanged (then checked against {@link #PUBLIC}). */
    public static String canonical(String scope) {
        return scope == null ? null : ALIASES.getOrDefault(scope, scope);
    }

    private Scopes() {
    }
}
