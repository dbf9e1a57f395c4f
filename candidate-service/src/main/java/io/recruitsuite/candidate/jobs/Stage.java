package io.recruitsuite.candidate.jobs;

/** One step of a job's pipeline; {@code position} orders the steps from 0. */
public record Stage(String id, String organizationId, String jobId, String name, int position) {
}
