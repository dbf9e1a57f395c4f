package io.recruitsuite.common.security;

import java.util.List;

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

    /** Granted to the gateway's own calls to the keys-service (key verification, usage). */
    public static final String INTERNAL_GATEWAY = "internal:gateway";

    public static final List<String> PUBLIC = List.of(
            CANDIDATES_READ, CANDIDATES_WRITE, SEARCH_READ, JOBS_READ, JOBS_WRITE, PIPELINE_READ, PIPELINE_WRITE,
            APPLICATIONS_READ, APPLICATIONS_WRITE, WEBHOOKS_READ, WEBHOOKS_WRITE, EVENTS_READ);

    private Scopes() {
    }
}
