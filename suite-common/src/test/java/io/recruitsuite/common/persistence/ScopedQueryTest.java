package io.recruitsuite.common.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScopedQueryTest {

    @Test
    void everyScopedConditionStartsWithTheOrganizationAndKeepsTheRestInParentheses() {
        assertEquals("organizationId = :organizationId", OrganizationScopedRepository.scoped(null));
        assertEquals("organizationId = :organizationId", OrganizationScopedRepository.scoped(" "));
        assertEquals("organizationId = :organizationId and (prefix = :prefix)", OrganizationScopedRepository.scoped("prefix = :prefix"));
        // an "or" in the caller's condition cannot reach other organizations' rows
        assertEquals("organizationId = :organizationId and (userId = :u or 1 = 1)", OrganizationScopedRepository.scoped("userId = :u or 1 = 1"));
    }
}
