package io.recruitsuite.candidate.jobs;

/** What a job offers beyond its text: pay, where the work happens (onsite, hybrid, remote) and how many people it hires. */
public record JobTerms(Salary salary, String remote, int openings) {

    public static final JobTerms DEFAULT = new JobTerms(null, null, 1);
}
