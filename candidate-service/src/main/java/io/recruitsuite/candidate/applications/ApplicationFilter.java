package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;

/** List filters; every id is checked for shape so that a typo is a 400 rather than an empty list. */
public record ApplicationFilter(String jobId, String candidateId, String stageId, ApplicationStatus status) {

    public static ApplicationFilter parse(String jobId, String candidateId, String status) {
        return new ApplicationFilter(id("jobId", "job", jobId), id("candidateId", "cand", candidateId), null,
                status == null || status.isEmpty() ? null : ApplicationStatus.parse("status", status));
    }

    public ApplicationFilter atStage(String stageId) {
        return new ApplicationFilter(jobId, candidateId, stageId, status);
    }

    static String id(String field, String type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Ids.looksLike(type, value)) {
            throw ApiException.validation(field + ": must be an id of the form " + type + "_…");
        }
        return value;
    }
}
