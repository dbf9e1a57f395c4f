package io.recruitsuite.candidate.workflow;

/**
 * Who a task, meeting, interview or assessment is about, resolved and checked within the organization: the candidate
 * (always set when an application is), the application and its job, or a prospect. Any part may be null.
 */
public record Subject(String candidateId, String applicationId, String jobId, String prospectId) {

    public static final Subject NONE = new Subject(null, null, null, null);
}
