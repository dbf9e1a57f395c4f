package io.recruitsuite.candidate.applications;

import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.JobStatus;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;

import java.util.List;

/** What an application may do, free of persistence. */
public final class ApplicationRules {

    private ApplicationRules() {
    }

    /** The stage a new application starts in: the one asked for (of this job), or the job's first. */
    public static Stage startStage(Job job, List<Stage> stages, String requestedStageId) {
        if (job.status() == JobStatus.CLOSED) {
            throw new ApiException(ErrorCode.CONFLICT, "Job is closed and takes no new applications");
        }
        if (stages.isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "Job has no pipeline stages");
        }
        if (requestedStageId == null) {
            return stages.get(0);
        }
        return stages.stream().filter(s -> s.id().equals(requestedStageId)).findFirst()
                .orElseThrow(() -> ApiException.validation("stageId: not a stage of this job"));
    }

    /**
     * Whether moving {@code application} to {@code target} changes anything. A rejected application
     * stays where it was rejected; a stage of another job is never a destination.
     */
    public static boolean isMove(Application application, Stage target) {
        if (!target.jobId().equals(application.jobId())) {
            throw ApiException.validation("stageId: not a stage of this application's job");
        }
        if (application.status() == ApplicationStatus.REJECTED) {
            throw new ApiException(ErrorCode.CONFLICT, "Application is rejected and cannot move");
        }
        return !target.id().equals(application.stageId());
    }

    public static String reason(String reason, int max) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > max) {
            throw ApiException.validation("reason: at most " + max + " characters");
        }
        return reason.strip();
    }
}
