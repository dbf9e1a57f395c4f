package io.recruitsuite.candidate.applications;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "applications")
public interface ApplicationsConfig {

    /** Longest rejection reason. */
    int maxReason();
}
