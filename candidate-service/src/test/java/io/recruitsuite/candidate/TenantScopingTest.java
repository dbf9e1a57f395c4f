package io.recruitsuite.candidate;

import io.recruitsuite.common.testing.TenantScopingRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Candidates, documents, notes, jobs, stages, applications and their stage history are reachable only through repositories whose every query takes the organization. */
class TenantScopingTest {

    @Test
    void noOrganizationOwnedEntityCanBeQueriedWithoutItsOrganization() throws Exception {
        assertEquals(List.of(), TenantScopingRules.violations(Path.of("target", "classes")));
    }
}
