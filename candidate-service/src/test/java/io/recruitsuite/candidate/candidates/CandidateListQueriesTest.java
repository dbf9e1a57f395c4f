package io.recruitsuite.candidate.candidates;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list's statements outside Panache's scoped repositories: every one is held to the caller's organization. */
class CandidateListQueriesTest {

    @Test
    void everyStatementIsScopedToTheOrganizationWhateverTheFilters() {
        OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        for (CandidateFilter filter : List.of(new CandidateFilter(null, null, null, null, null, null),
                new CandidateFilter("a_b", "nurse", at, "job_1", "stg_1", "Interview"),
                new CandidateFilter(null, null, null, null, null, "Offer"))) {
            CandidateListQueries.Statement s = CandidateListQueries.Statement.where("org_a", filter);
            assertTrue(s.where().startsWith("organization_id = $1 and ") || s.where().equals("organization_id = $1"), s.where());
            assertEquals("org_a", s.parameters().getValue(0));
            if (filter.stageName() != null) {
                // the pipeline's applications are the organization's too
                assertTrue(s.where().contains("where a.organization_id = $1"), s.where());
            }
            // each value is a parameter: no filter text in the statement
            assertTrue(filter.search() == null || !s.where().contains(filter.search()), s.where());
            assertTrue(filter.stageName() == null || !s.where().contains(filter.stageName()), s.where());
        }
    }
}
