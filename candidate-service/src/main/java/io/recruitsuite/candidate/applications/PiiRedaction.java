package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.security.Scopes;

import java.util.Set;

/**
 * Contact details of a candidate are candidate data: a caller sees them inside applications and
 * pipelines only with {@code candidates:read}; otherwise the candidate is its id alone.
 */
public final class PiiRedaction {

    private PiiRedaction() {
    }

    public static boolean showsContact(Set<String> scopes) {
        return scopes != null && scopes.contains(Scopes.CANDIDATES_READ);
    }
}
