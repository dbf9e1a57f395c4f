package io.recruitsuite.candidate.jobs;

/** How many applications a job has, by status. */
public record JobCounts(long totalApplications, long activeApplications, long rejected) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0);
}
