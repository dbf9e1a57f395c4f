package io.recruitsuite.candidate;

import io.recruitsuite.candidate.assessments.Assessment;
import io.recruitsuite.candidate.interviews.Interview;
import io.recruitsuite.candidate.interviews.Scorecard;
import io.recruitsuite.candidate.meetings.Meeting;
import io.recruitsuite.candidate.prospects.Prospect;
import io.recruitsuite.candidate.tasks.Task;
import io.recruitsuite.common.persistence.OrganizationOwned;
import io.recruitsuite.common.testing.TenantScopingRules;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Candidates, documents, notes, jobs, stages, applications and their stage history, and the hiring workflow's prospects,
 * tasks, interviews, scorecards, assessments and meetings are reachable only through repositories whose every query takes
 * the organization.
 */
class TenantScopingTest {

    @Test
    void noOrganizationOwnedEntityCanBeQueriedWithoutItsOrganization() throws Exception {
        assertEquals(List.of(), TenantScopingRules.violations(Path.of("target", "classes")));
    }

    /** The rule above checks organization-owned entities only: each workflow entity must be one to be covered. */
    @Test
    void theWorkflowEntitiesAreOrganizationOwnedSoTheRuleCoversThem() {
        for (Class<?> entity : List.of(Prospect.class, Task.class, Interview.class, Scorecard.class, Assessment.class, Meeting.class,
                io.recruitsuite.candidate.agents.InterviewAgent.class, io.recruitsuite.candidate.campaigns.Campaign.class)) {
            assertTrue(entity.isAnnotationPresent(Entity.class) && OrganizationOwned.class.isAssignableFrom(entity), entity.getName());
        }
    }
}
