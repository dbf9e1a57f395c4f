package io.recruitsuite.common.persistence;

import io.recruitsuite.common.testing.TenantScopingRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantScopingRulesTest {

    @Test
    void anEntityReachableWithoutItsOrganizationIsReported() throws Exception {
        List<String> violations = TenantScopingRules.violations(Path.of("target", "test-classes"));
        assertTrue(violations.stream().anyMatch(v -> v.contains("Forgotten has no OrganizationScopedRepository")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("offers Panache's unscoped finders")), violations.toString());
    }
}
