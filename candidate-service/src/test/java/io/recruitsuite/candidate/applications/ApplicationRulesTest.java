package io.recruitsuite.candidate.applications;

import io.recruitsuite.candidate.jobs.Job;
import io.recruitsuite.candidate.jobs.JobStatus;
import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationRulesTest {

    final Stage applied = new Stage("stg_a", "org", "job_1", "Applied", 0);
    final Stage interview = new Stage("stg_i", "org", "job_1", "Interview", 1);
    final Stage elsewhere = new Stage("stg_x", "org", "job_2", "Applied", 0);

    Job job(JobStatus status) {
        return new Job("job_1", "org", "T", null, null, null, null, status, null, null, null, null);
    }

    Application app(ApplicationStatus status) {
        return new Application("app_1", "org", "cand_1", "job_1", "stg_a", status, null, null, null, null);
    }

    @Test
    void anApplicationStartsAtTheFirstStageOrTheOneAskedForOfItsJob() {
        assertEquals(applied, ApplicationRules.startStage(job(JobStatus.PUBLISHED), List.of(applied, interview), null));
        assertEquals(interview, ApplicationRules.startStage(job(JobStatus.DRAFT), List.of(applied, interview), "stg_i"));
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(ApiException.class,
                () -> ApplicationRules.startStage(job(JobStatus.PUBLISHED), List.of(applied), "stg_x")).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(ApiException.class,
                () -> ApplicationRules.startStage(job(JobStatus.CLOSED), List.of(applied), null)).code());
    }

    @Test
    void movesStayWithinTheJobAndRejectedApplicationsStay() {
        assertTrue(ApplicationRules.isMove(app(ApplicationStatus.ACTIVE), interview));
        assertFalse(ApplicationRules.isMove(app(ApplicationStatus.ACTIVE), applied));
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(ApiException.class,
                () -> ApplicationRules.isMove(app(ApplicationStatus.ACTIVE), elsewhere)).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(ApiException.class,
                () -> ApplicationRules.isMove(app(ApplicationStatus.REJECTED), interview)).code());
    }

    @Test
    void contactDetailsNeedCandidatesRead() {
        assertFalse(PiiRedaction.showsContact(Set.of("applications:read")));
        assertFalse(PiiRedaction.showsContact(null));
        assertTrue(PiiRedaction.showsContact(Set.of("applications:read", "candidates:read")));
    }
}
