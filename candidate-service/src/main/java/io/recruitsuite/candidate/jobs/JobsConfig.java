package io.recruitsuite.candidate.jobs;

import io.smallrye.config.ConfigMapping;

import java.util.List;

@ConfigMapping(prefix = "jobs")
public interface JobsConfig {

    /** The pipeline a job gets when its creator names no stages. */
    List<String> defaultStages();

    int maxStages();

    int maxStageName();

    int maxTitle();

    /** Longest description. */
    int maxText();

    /** Longest department, location or employment type. */
    int maxField();

    /** Most people one job may hire. */
    int maxOpenings();
}
