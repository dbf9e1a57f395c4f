package io.recruitsuite.candidate.candidates;

import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * List filters: free text over name and email, one tag, created after an instant, and the
 * pipeline: an application for a job ({@code job}, a job id) and/or an active application at a
 * stage ({@code stage}, a stage id, or a stage name matched case-insensitively across jobs).
 */
public record CandidateFilter(String search, String tag, OffsetDateTime createdAfter, String job, String stageId, String stageName) {

    public static final int MAX_SEARCH = 200;
    public static final int MAX_STAGE = 100;

    public static CandidateFilter parse(String search, String tag, String createdAfter) {
        return parse(search, tag, createdAfter, null, null);
    }

    public static CandidateFilter parse(String search, String tag, String createdAfter, String job, String stage) {
        // PostgreSQL refuses a NUL in text: a filter carrying one can match nothing and must not reach the database
        refuseNul("search", search);
        refuseNul("tag", tag);
        refuseNul("createdAfter", createdAfter);
        refuseNul("job", job);
        refuseNul("stage", stage);
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.validation("search: at most " + MAX_SEARCH + " characters");
        }
        if (tag != null && tag.length() > CandidateRules.MAX_TAG) {
            throw ApiException.validation("tag: at most " + CandidateRules.MAX_TAG + " characters");
        }
        OffsetDateTime after = null;
        if (createdAfter != null && !createdAfter.isEmpty()) {
            try {
                after = OffsetDateTime.parse(createdAfter);
            } catch (DateTimeParseException e) {
                throw ApiException.validation("createdAfter: must be an ISO-8601 date-time such as 2026-01-15T10:30:00Z");
            }
        }
        String jobId = null;
        if (job != null && !job.isEmpty()) {
            if (!Ids.looksLike("job", job)) {
                throw ApiException.validation("job: must be a job id (job_…)");
            }
            jobId = job;
        }
        String stageId = null;
        String stageName = null;
        if (stage != null && !stage.isBlank()) {
            if (stage.length() > MAX_STAGE) {
                throw ApiException.validation("stage: at most " + MAX_STAGE + " characters");
            }
            if (Ids.looksLike("stg", stage)) {
                stageId = stage;
            } else {
                stageName = stage.strip();
            }
        }
        return new CandidateFilter(search == null || search.isBlank() ? null : search.strip(),
                tag == null || tag.isBlank() ? null : tag.strip(), after, jobId, stageId, stageName);
    }

    private static void refuseNul(String name, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ApiException.validation(name + ": must not contain a NUL character");
        }
    }
}
